using System.Diagnostics;

namespace Rari.Node.Benchmarks;

/// <summary>
/// Runs the benchmarks of <c>rari bench</c> one after another in one process (so the ratios between figures hold on
/// a noisy machine), prints the table and writes the JSON.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TextWriter output, TextWriter log)
{
    /// <summary>Runs everything asked for; returns the figures in table order.</summary>
    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var startMachine = BenchReport.MachineLine();
        log.WriteLine($"rari bench{(options.Quick ? " --quick" : string.Empty)} on {startMachine}");
        log.WriteLine($"data: {options.DataDirectory}");
        var figures = new List<BenchFigure>();
        // Data loading first, in a process that holds no bars yet, as `rari backtest` loads its data: after the
        // backtests, their bars and heaps make the cache's large copies markedly slower (36.9 against 64-69 M rows/s).
        if (options.Runs("data loading"))
        {
            log.WriteLine("data loading …");
            figures.AddRange(new DataLoadingBenchmarks(options, log).Run());
        }

        var backtests = new BacktestBenchmarks(options, new BenchBacktests(), log);
        Add(figures, "backtest throughput, grid, one symbol", backtests.GridThroughput);
        Add(figures, "backtest throughput, hybrid, multi-symbol portfolio", backtests.HybridPortfolio);
        Add(figures, "parameter sweep", backtests.SweepScaling);
        foreach (var (name, run) in ActorBenchmarks.All(options, log))
        {
            if (options.Runs(name))
            {
                log.WriteLine($"{name} …");
                figures.AddRange(await run());
            }
        }

        Add(figures, "memory, one-year 1m backtest", backtests.OneYearMemory);
        if (options.Runs(PaperRun.PaperRunMemoryBenchmark.Name))
        {
            log.WriteLine($"{PaperRun.PaperRunMemoryBenchmark.Name} …");
            figures.Add(await new PaperRun.PaperRunMemoryBenchmark(options, log).RunAsync());
        }
        clock.Stop();
        output.WriteLine();
        BenchReport.Print(output, figures);
        output.WriteLine();
        output.WriteLine($"Machine at the start: {startMachine}; at the end: load average {BenchReport.LoadAverage()}; taken in {clock.Elapsed.TotalSeconds:0} s.");
        if (options.JsonPath is { } path)
        {
            BenchReport.WriteJson(path, options, figures, started, clock.Elapsed, startMachine);
            output.WriteLine($"JSON: {Path.GetFullPath(path)}");
        }

        return figures;
    }

    private void Add(List<BenchFigure> figures, string name, Func<BenchFigure> run)
    {
        if (options.Runs(name))
        {
            log.WriteLine($"{name} …");
            figures.Add(run());
        }
    }
}
