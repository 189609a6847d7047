using KineticsPrep.Pipeline;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class ShardTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Shards_take_disjoint_slices_that_cover_everything()
    {
        var items = Enumerable.Range(0, 10).ToList();
        var slices = Enumerable.Range(0, 3).Select(i => new Shard(i, 3).Select(items)).ToList();
        Assert.Equal(items, slices.SelectMany(s => s).Order());
        Assert.Equal([0, 3, 6, 9], slices[0]);
    }

    [Theory]
    [InlineData("1/4", 1, 4)]
    [InlineData("0/1", 0, 1)]
    public void A_shard_parses_from_i_slash_n(string text, int index, int count) =>
        Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("x")]
    public void A_bad_shard_is_refused(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));

    [Fact]
    public void A_slurm_array_task_gives_the_shard() =>
        Assert.Equal(new Shard(2, 3), Shard.FromEnvironment(Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "3")), null));

    [Fact]
    public void A_slurm_array_with_only_min_and_max_gives_the_shard() =>
        Assert.Equal(new Shard(1, 4), Shard.FromEnvironment(Env(("SLURM_ARRAY_TASK_ID", "6"), ("SLURM_ARRAY_TASK_MIN", "5"), ("SLURM_ARRAY_TASK_MAX", "8")), null));

    [Fact]
    public void A_kubernetes_indexed_job_needs_the_count_option()
    {
        Assert.Equal(new Shard(3, 5), Shard.FromEnvironment(Env(("JOB_COMPLETION_INDEX", "3")), 5));
        Assert.Throws<FormatException>(() => Shard.FromEnvironment(Env(("JOB_COMPLETION_INDEX", "3")), null));
    }

    [Fact]
    public void A_resubmitted_slurm_task_keeps_its_slice_when_the_count_is_given() =>
        Assert.Equal(new Shard(7, 16), Shard.FromEnvironment(
            Env(("SLURM_ARRAY_TASK_ID", "7"), ("SLURM_ARRAY_TASK_COUNT", "1"), ("SLURM_ARRAY_TASK_MIN", "7"), ("SLURM_ARRAY_TASK_MAX", "7")), 16));

    [Fact]
    public void No_scheduler_means_no_shard() => Assert.Null(Shard.FromEnvironment(Env(), null));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    [InlineData(15, 16)]
    public void A_shards_state_store_name_gives_back_the_shard(int index, int count)
    {
        var shard = new Shard(index, count);
        Assert.Equal(shard.IsWhole ? null : shard, Shard.FromStateName(shard.StateName));
    }
}
