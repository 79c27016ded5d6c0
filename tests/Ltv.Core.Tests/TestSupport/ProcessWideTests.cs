namespace Ltv.Core.Tests.TestSupport;

/// <summary>
/// Tests that act on the whole process (such as the stop handler's <c>PendingFiles.DeleteAll</c>, which removes every
/// command's temporary output): xUnit runs this collection on its own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "process-wide";
}
