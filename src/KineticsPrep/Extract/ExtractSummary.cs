namespace KineticsPrep.Extract;

public sealed record ExtractSummary(IReadOnlyList<ExtractOutcome> Outcomes)
{
    public IEnumerable<ExtractOutcome> Failures => Outcomes.Where(o => o.Status == ExtractStatus.Failed);

    public IEnumerable<(ArchiveJob Job, string Entry)> Refused => Outcomes.SelectMany(o => o.Refused.Select(r => (o.Job, r)));
}
