namespace Rari.Node.Benchmarks;

/// <summary>The benchmarks that start an actor system: journal, recovery, the live pipeline, the order round trip.</summary>
internal static class ActorBenchmarks
{
    /// <summary>Each benchmark's name and how to run it.</summary>
    public static IReadOnlyList<(string Name, Func<Task<IReadOnlyList<BenchFigure>>> Run)> All(BenchOptions options, TextWriter log) => [];
}
