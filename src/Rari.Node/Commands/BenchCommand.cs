using System.CommandLine;
using Rari.Node.Benchmarks;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari bench [--quick] [--json FILE]</c>: the whole-pipeline benchmarks (backtest throughput, data loading,
/// sweeps, the live actor pipeline, the order round trip, the journal, recovery, memory) with their targets, as a table
/// and as JSON. Run it on an otherwise idle machine; figures are taken in one run so their ratios hold.
/// </summary>
public static class BenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "short runs (a minute or two in all); rougher figures" };
        var json = new Option<string>("--json") { Description = "also write the figures as JSON to FILE", HelpName = "FILE" };
        var data = new Option<string>("--data") { Description = "the recorded data folder (default: $RARI_SHARED_DATA, else shared/data beside the repository)", HelpName = "DIR" };
        var postgres = new Option<string>("--postgres") { Description = "a PostgreSQL connection string for the journal benchmark (default: $RARI_POSTGRES_CONNECTION)", HelpName = "CONNECTION" };
        var only = new Option<string[]>("--only") { Description = "run only the benchmarks whose name contains WORD; repeatable", HelpName = "WORD", AllowMultipleArgumentsPerToken = true };
        var paperMinutes = new Option<int?>("--paper-minutes") { Description = "how long the memory benchmark's paper run trades (1 to 90; default 10, 1 with --quick)", HelpName = "MINUTES" };
        var command = new Command("bench", "Measure throughput, latency and memory against the project's performance targets") { quick, json, data, postgres, only, paperMinutes };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(data) ?? LocateData();
            if (folder is null || !Directory.Exists(Path.Combine(folder, "klines", "binance-usdm")))
            {
                error.WriteLine($"rari bench: no recorded data at {folder ?? "shared/data"}: expected klines/binance-usdm below it. Pass --data DIR or set RARI_SHARED_DATA.");
                return 2;
            }

            var connection = parseResult.GetValue(postgres) ?? Environment.GetEnvironmentVariable("RARI_POSTGRES_CONNECTION");
            var minutes = parseResult.GetValue(paperMinutes);
            if (minutes is < 1 or > 90)
            {
                error.WriteLine($"rari bench: --paper-minutes {minutes} is out of range: give a whole number of minutes from 1 to 90 (at 300× the shortest recording lasts about 95 minutes).");
                return 2;
            }

            var options = new BenchOptions(parseResult.GetValue(quick), parseResult.GetValue(json), Path.GetFullPath(folder), connection, parseResult.GetValue(only) ?? [], minutes);
            await new BenchRunner(options, output, error).RunAsync();
            return 0;
        });
        return command;
    }

    // The data beside the repository (or beside any folder above the current one), as the tests find it.
    private static string? LocateData()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RARI_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "klines")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
