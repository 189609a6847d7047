using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.Media;
using KineticsPrep.State;

namespace KineticsPrep.Verify;

public sealed record VerifyProgress(int Clips, int Checked, int Bad);
