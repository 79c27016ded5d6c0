using BenchmarkDotNet.Running;

namespace Ltv.Core.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (for example --filter '*BgNbd*').</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}