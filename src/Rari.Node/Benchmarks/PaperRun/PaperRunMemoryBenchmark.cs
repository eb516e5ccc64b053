using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Rari.Node.Commands;

namespace Rari.Node.Benchmarks.PaperRun;

/// <summary>
/// Memory of a 20-symbol paper run: <c>rari sim</c> replays 20 symbols (<see cref="PaperRunData"/>) in a process of its
/// own, and <c>rari run hybrid --test --venue …</c> trades them for ten minutes (one with <c>--quick</c>, or <c>--paper-minutes</c>) through the
/// real client, actors and journal, as a user's paper run does. The trader's resident set is sampled every second from
/// <c>/proc</c>: its peak, and whether it grows — the mean of the second fifth of the run against the last fifth (the
/// first fifth is start-up and warm-up), and the least-squares slope over the last four fifths.
/// </summary>
internal sealed class PaperRunMemoryBenchmark(BenchOptions options, TextWriter log)
{
    /// <summary>The figure's name in the table.</summary>
    public const string Name = "memory, 20-symbol paper run";

    private const string Target = "report; no growth over time";
    private const int HistoryBars = 1_440;
    private const double Speed = 300;

    /// <summary>Runs the paper run and reads its memory.</summary>
    public async Task<BenchFigure> RunAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return BenchFigure.NotMeasured(Name, Target, "reads the trader's memory from /proc, which only Linux has");
        }

        var duration = options.PaperRunDuration;
        var folder = Path.Combine(Path.GetTempPath(), $"rari-bench-paper-{Environment.ProcessId}");
        try
        {
            var bars = HistoryBars + (int)(Speed * (duration.TotalSeconds + 120) / 60);
            var symbols = PaperRunData.Write(options.DataDirectory, Path.Combine(folder, "data"), bars);
            var apiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var apiSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var accounts = Path.Combine(folder, "accounts.json");
            await File.WriteAllTextAsync(accounts, $$$"""{"accounts":[{"name":"paper","balance":"10000","v1":{"apiKey":"{{{apiKey}}}","apiSecret":"{{{apiSecret}}}"}}]}""");
            await using var sim = RariChildProcess.Start(
                ["sim", "--data", Path.Combine(folder, "data"), "--port", "0", "--accounts", accounts, "--history-bars", Text(HistoryBars), "--speed", Text(Speed)],
                new Dictionary<string, string>(),
                folder);
            var listening = await sim.WaitForLineAsync(SimBanner.ListeningPrefix, TimeSpan.FromMinutes(2));
            if (listening is null)
            {
                return BenchFigure.NotMeasured(Name, Target, "rari sim did not start: " + string.Join(" / ", sim.LastLines.TakeLast(5)));
            }

            var venue = listening[SimBanner.ListeningPrefix.Length..].Trim();
            log.WriteLine($"  {symbols.Count} symbols replayed by rari sim at {venue} ({Speed}× with {HistoryBars} bars of history); trading for {duration.TotalMinutes:0} min");
            await using var trader = RariChildProcess.Start(
                ["run", "hybrid", "--test", "--venue", venue, "--symbols", string.Join(',', symbols), "--duration", $"{(int)duration.TotalSeconds}s",
                    "--no-dashboard", "--state", "state", "--logs", "logs"],
                new Dictionary<string, string> { ["ASTER_API_KEY"] = apiKey, ["ASTER_API_SECRET"] = apiSecret, ["LOG_LEVEL"] = "info" },
                folder);
            var samples = await SampleAsync(trader, duration + TimeSpan.FromMinutes(2));
            var exit = await trader.WaitForExitAsync(TimeSpan.FromMinutes(1));
            var progress = trader.LastLines.LastOrDefault(l => l.StartsWith("[progress]", StringComparison.Ordinal)) ?? "no progress line";
            if (exit != 0 || samples.Count < 10)
            {
                return BenchFigure.NotMeasured(Name, Target, $"the paper run ended with exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none (still running)"}: " + string.Join(" / ", trader.LastLines.TakeLast(5)));
            }

            return Figure(samples, symbols.Count, duration, progress);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a process that is going away; the temp folder is the system's to clean.
            }
        }
    }

    private static async Task<List<(double Seconds, long Resident, long Peak)>> SampleAsync(RariChildProcess trader, TimeSpan longest)
    {
        var samples = new List<(double, long, long)>();
        var clock = Stopwatch.StartNew();
        while (!trader.HasExited && clock.Elapsed < longest)
        {
            if (trader.Memory() is { } memory)
            {
                samples.Add((clock.Elapsed.TotalSeconds, memory.Resident, memory.Peak));
            }

            await Task.Delay(1_000);
        }

        return samples;
    }

    private static BenchFigure Figure(List<(double Seconds, long Resident, long Peak)> samples, int symbols, TimeSpan duration, string progress)
    {
        const double MiB = 1024 * 1024;
        var peak = samples.Max(s => s.Peak) / MiB;
        var fifth = samples.Count / 5;
        var early = samples.Skip(fifth).Take(fifth).Average(s => s.Resident) / MiB;
        var late = samples.Skip(samples.Count - fifth).Average(s => s.Resident) / MiB;
        var steady = samples.Skip(fifth).ToList();
        var slope = Slope(steady.Select(s => s.Seconds / 60).ToList(), steady.Select(s => s.Resident / MiB).ToList());
        var detail =
            $"rari run hybrid --test against rari sim (its own process) replaying {symbols} symbols at {Speed}×, {duration.TotalMinutes:0} min; " +
            $"the trader's resident set, sampled every second ({samples.Count} samples): mean {early:0} MiB in the second fifth of the run, {late:0} MiB in the last fifth, " +
            $"slope {slope:+0.00;-0.00} MiB/min over the last four fifths; the run's last line: {progress}";
        return new BenchFigure(
            Name,
            $"peak {peak:0} MiB, {late - early:+0;-0} MiB from the 2nd to the last fifth",
            Target,
            null,
            detail,
            new Dictionary<string, double>
            {
                ["peakMiB"] = peak,
                ["secondFifthMeanMiB"] = early,
                ["lastFifthMeanMiB"] = late,
                ["slopeMiBPerMinute"] = slope,
                ["samples"] = samples.Count,
                ["minutes"] = duration.TotalMinutes,
            });
    }

    private static double Slope(List<double> x, List<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = 0.0;
        var variance = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }

        return variance == 0 ? 0 : covariance / variance;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
