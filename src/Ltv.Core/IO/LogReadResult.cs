using Ltv.Core.History;

namespace Ltv.Core.IO;

/// <summary>The outcome of reading a purchase log: the accepted rows as a columnar log, and the report.</summary>
/// <param name="Log">The accepted rows.</param>
/// <param name="Report">Counts and rejected rows.</param>
public sealed record LogReadResult(PurchaseLog Log, ReadReport Report);
