namespace KineticsPrep.Dataset;

/// <summary>
/// One split of a release on the CVDF mirror: the name of its annotation file under <c>&lt;base&gt;/annotations/</c>,
/// and whether the CVDF serves its clips (a list file of archives under <c>&lt;base&gt;/&lt;split&gt;/</c>).
/// </summary>
/// <param name="OfficialRows">The rows of the release's annotation file as papers quote them, when known: what a copy's
/// availability is measured against.</param>
public sealed record CatalogSplit(string Name, string AnnotationFile, bool HasArchives = true, int? OfficialRows = null);
