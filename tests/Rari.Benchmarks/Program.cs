using BenchmarkDotNet.Running;

namespace Rari.Benchmarks;

/// <summary>
/// Hot-path micro-benchmarks. Run them all with
/// <c>dotnet run -c Release --project tests/Rari.Benchmarks -- --filter '*'</c>, or pick with a filter such as
/// <c>--filter '*Indicator*'</c>. The whole pipeline is measured by <c>rari bench</c>.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select (BenchmarkDotNet's own options).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
