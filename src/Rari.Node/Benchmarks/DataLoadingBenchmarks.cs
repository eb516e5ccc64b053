using System.Diagnostics;
using Rari.Backtest.Data;
using Rari.Domain.Data;

namespace Rari.Node.Benchmarks;

/// <summary>
/// Data loading: CSV.gz rows parsed per second over every perpetual kline file, then the binary cache — written on the
/// first load, memory-mapped on the next — read back per second, in a throw-away cache folder.
/// </summary>
internal sealed class DataLoadingBenchmarks(BenchOptions options, TextWriter log)
{
    /// <summary>Both figures: CSV.gz parsing and cache reading.</summary>
    public IReadOnlyList<BenchFigure> Run()
    {
        var files = KlineFiles.Find([options.PerpetualKlines]);
        var repeats = options.Quick ? 1 : 3;

        var csvBest = 0.0;
        long rows = 0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            rows = 0;
            var stopwatch = Stopwatch.StartNew();
            foreach (var file in files)
            {
                foreach (var kline in KlineCsvReader.Read(file))
                {
                    rows++;
                }
            }

            csvBest = Math.Max(csvBest, rows / stopwatch.Elapsed.TotalSeconds);
            log.WriteLine($"  CSV.gz pass {repeat + 1}: {BenchFormat.Rate(rows / stopwatch.Elapsed.TotalSeconds, "rows")}");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"rari-bench-cache-{Environment.ProcessId}");
        try
        {
            var cache = new KlineCache(folder);
            var first = Stopwatch.StartNew();
            foreach (var file in files)
            {
                cache.Load(file);
            }

            first.Stop();
            var cacheBest = 0.0;
            var passes = options.Quick ? 3 : 10;
            for (var pass = 0; pass < passes; pass++)
            {
                long read = 0;
                var stopwatch = Stopwatch.StartNew();
                foreach (var file in files)
                {
                    read += cache.Load(file).Length;
                }

                cacheBest = Math.Max(cacheBest, read / stopwatch.Elapsed.TotalSeconds);
            }

            log.WriteLine($"  cache: first load (parse + write) {BenchFormat.Rate(rows / first.Elapsed.TotalSeconds, "rows")}, then {BenchFormat.Rate(cacheBest, "rows")}");
            return
            [
                new BenchFigure(
                    "data loading, CSV.gz",
                    BenchFormat.Rate(csvBest, "rows"),
                    "≥ 2 M rows/s",
                    csvBest >= 2e6,
                    $"{rows:N0} rows in {files.Count} files of klines/binance-usdm, parsed and validated on one core, best of {repeats}",
                    new Dictionary<string, double> { ["rowsPerSecond"] = csvBest, ["rows"] = rows }),
                new BenchFigure(
                    "data loading, binary cache",
                    BenchFormat.Rate(cacheBest, "rows"),
                    "≥ 50 M rows/s",
                    cacheBest >= 50e6,
                    $"the same rows memory-mapped from the cache written by the first load ({BenchFormat.Rate(rows / first.Elapsed.TotalSeconds, "rows")} for parse + write), best of {passes}",
                    new Dictionary<string, double> { ["rowsPerSecond"] = cacheBest, ["firstLoadRowsPerSecond"] = rows / first.Elapsed.TotalSeconds }),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
