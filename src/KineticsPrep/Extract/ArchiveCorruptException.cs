using System.Formats.Tar;
using System.IO.Compression;
using KineticsPrep.Dataset;

namespace KineticsPrep.Extract;

public sealed class ArchiveCorruptException(string message) : KineticsPrepException(message, isFatal: false);
