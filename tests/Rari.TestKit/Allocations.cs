namespace Rari.TestKit;

/// <summary>
/// Measures what a piece of code allocates on the calling thread, robustly: the runtime itself may allocate once in a
/// while on the same thread (tiered JIT recompiling a hot loop, on-stack replacement), so the code is measured several
/// times and the smallest figure is kept. An allocation per call of the code under test shows in every run.
/// </summary>
public static class Allocations
{
    /// <summary>The fewest bytes any of <paramref name="runs"/> executions of <paramref name="action"/> allocated.</summary>
    public static long Minimum(Action action, int runs = 3)
    {
        ArgumentNullException.ThrowIfNull(action);
        var least = long.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
