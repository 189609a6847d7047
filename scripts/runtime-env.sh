# Sourced by the launcher (and the benchmarks, to measure what it runs): settings for the .NET runtime.
#
# The garbage collector sizes its youngest generation from the L3 cache the CPU reports, and virtual machines often
# report hundreds of MB (260 MiB on the machine of docs/BENCHMARKS.md): a run's memory then grows by that much in
# garbage before the first collection. 32 MiB keeps a finished root's rerun within its budget at no cost in time.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
