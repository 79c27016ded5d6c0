namespace Ltv.Core.IO;

/// <summary>What a log reader does with a bad row.</summary>
public enum ReadMode
{
    /// <summary>Throw a <see cref="LogFormatException"/> on the first bad row.</summary>
    Strict,

    /// <summary>Skip every bad row and record it, with its reason, in <see cref="ReadReport.Rejected"/>.</summary>
    Lenient,
}
