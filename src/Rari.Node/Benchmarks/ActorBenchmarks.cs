using Rari.Node.Benchmarks.Live;

namespace Rari.Node.Benchmarks;

/// <summary>The benchmarks that start an actor system: the live pipeline, the journal, recovery.</summary>
internal static class ActorBenchmarks
{
    /// <summary>Each benchmark's name and how to run it.</summary>
    public static IReadOnlyList<(string Name, Func<Task<IReadOnlyList<BenchFigure>>> Run)> All(BenchOptions options, TextWriter log) =>
    [
        ("live pipeline", () => new LivePipelineBenchmarks(options, log).RunAsync()),
        ("order round trip", () => new OrderRoundTripBenchmark(options, log, new BenchBacktests()).RunAsync()),
        ("journal and recovery", () => new JournalBenchmarks(options, log).RunAsync()),
    ];
}
