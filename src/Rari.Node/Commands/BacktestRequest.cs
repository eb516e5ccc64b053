using System.Globalization;
using Rari.Actors.Settings;
using Rari.Backtest.Sweeps;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Node.Commands;

/// <summary>A <c>rari backtest</c> invocation after its arguments were checked.</summary>
/// <param name="Kind">The strategy every symbol runs; null runs each symbol's preferred strategy from <c>rari.assets</c>.</param>
/// <param name="Data">Kline files or directories.</param>
/// <param name="Symbols">Only these symbols; all in the data when empty.</param>
/// <param name="FromMs">Trading starts at this time (UTC epoch ms); <see cref="long.MinValue"/> for the data's start.</param>
/// <param name="ToMs">Trading ends before this time; <see cref="long.MaxValue"/> for the data's end.</param>
/// <param name="Overrides">The <c>--set</c> values.</param>
/// <param name="ConfigFile">The user's configuration file, or null.</param>
/// <param name="InstrumentsFile">An instruments override file (the simulator's format), or null.</param>
/// <param name="OutDirectory">Where the reports go.</param>
/// <param name="Sweep">The swept parameters; empty for a single run.</param>
/// <param name="WalkForward">The walk-forward plan, or null.</param>
/// <param name="Rank">What sweeps rank by.</param>
/// <param name="Parallelism">Runs at once in a sweep.</param>
public sealed record BacktestRequest(
    StrategyKind? Kind,
    IReadOnlyList<string> Data,
    IReadOnlyList<Symbol> Symbols,
    long FromMs,
    long ToMs,
    IReadOnlyList<ConfigOverride> Overrides,
    string? ConfigFile,
    string? InstrumentsFile,
    string OutDirectory,
    IReadOnlyList<SweepParameter> Sweep,
    WalkForwardPlan? WalkForward,
    RankMetric Rank,
    int Parallelism)
{
    /// <summary>The strategy names <c>--strategy</c> accepts.</summary>
    public static IReadOnlyList<string> StrategyNames { get; } = ["grid", "volatility", "hybrid", "preferred"];

    /// <summary>The strategy's name as given (<c>preferred</c> when each symbol runs its own).</summary>
    public string StrategyName => Kind?.ToString().ToLowerInvariant() ?? "preferred";

    /// <summary>Checks the raw option values; every problem is reported, not only the first.</summary>
    /// <param name="raw">The values as typed.</param>
    /// <param name="nowUtc">The current time, for the default output folder's name.</param>
    /// <param name="request">The request when there was no problem.</param>
    /// <returns>The problems, one sentence each naming the option, the bad value and what is valid.</returns>
    public static IReadOnlyList<string> TryCreate(BacktestArguments raw, DateTime nowUtc, out BacktestRequest? request)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var errors = new List<string>();
        request = null;

        StrategyKind? kind = null;
        switch (raw.Strategy?.Trim().ToLowerInvariant())
        {
            case null or "":
                errors.Add("--strategy is required: use grid, volatility, hybrid, or preferred (each symbol's strategy from rari.assets).");
                break;
            case "grid":
                kind = StrategyKind.Grid;
                break;
            case "volatility":
                kind = StrategyKind.Volatility;
                break;
            case "hybrid":
                kind = StrategyKind.Hybrid;
                break;
            case "preferred":
                break;
            default:
                errors.Add($"--strategy '{raw.Strategy}' is not a strategy: use grid, volatility, hybrid or preferred.");
                break;
        }

        var data = raw.Data.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        if (data.Count == 0)
        {
            errors.Add("--data is required: a kline file (SYMBOL-1m-….csv.gz) or a directory of them.");
        }

        foreach (var path in data.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            errors.Add($"--data '{path}' does not exist.");
        }

        if (!CommandValues.TryParseSymbols(raw.Symbols, out var symbols, out var badSymbol))
        {
            errors.Add($"--symbols '{badSymbol}' is not a symbol: list symbols such as BTCUSDT,ETHUSDT (letters and digits).");
        }

        var from = Time(raw.From, "--from", long.MinValue, errors);
        var to = Time(raw.To, "--to", long.MaxValue, errors);
        if (from != long.MinValue && to != long.MaxValue && from >= to)
        {
            errors.Add($"--from {raw.From} is not before --to {raw.To}: the period is empty.");
        }

        var overrides = new List<ConfigOverride>();
        foreach (var text in raw.Set)
        {
            try
            {
                overrides.Add(ConfigOverride.Parse(text));
            }
            catch (SettingsException e)
            {
                errors.Add($"--set '{text}': {e.Problems[0].Reason}.");
            }
        }

        if (raw.Config is { } config && !File.Exists(config))
        {
            errors.Add($"--config '{config}' does not exist.");
        }

        if (raw.Instruments is { } instruments && !File.Exists(instruments))
        {
            errors.Add($"--instruments '{instruments}' does not exist.");
        }

        var sweep = new List<SweepParameter>();
        foreach (var text in raw.Sweep)
        {
            try
            {
                sweep.Add(SweepParameter.Parse(text));
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        WalkForwardPlan? walkForward = null;
        if (raw.WalkForward is { } plan)
        {
            try
            {
                walkForward = WalkForwardPlan.Parse(plan);
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }

            if (raw.Sweep.Count == 0)
            {
                errors.Add("--walk-forward optimises over a sweep: add at least one --sweep key=from..to:step.");
            }
        }

        var rank = RankMetric.Sharpe;
        if (raw.Rank is { } rankText && !RankMetrics.TryParse(rankText, out rank))
        {
            errors.Add($"--rank '{rankText}' is not a metric: use {string.Join(", ", RankMetrics.Names)}.");
        }

        if (raw.Parallel is < 1 or > 1024)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--parallel {raw.Parallel} must be 1-1024 (runs at once)."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var outDirectory = string.IsNullOrWhiteSpace(raw.Out)
            ? Path.Combine("backtest-out", nowUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture))
            : raw.Out;
        request = new BacktestRequest(
            kind, data, symbols, from, to, overrides, raw.Config, raw.Instruments, outDirectory, sweep, walkForward, rank,
            raw.Parallel ?? Environment.ProcessorCount);
        return errors;
    }

    private static long Time(string? text, string option, long absent, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return absent;
        }

        if (CommandValues.TryParseTime(text, out var ms))
        {
            return ms;
        }

        errors.Add($"{option} '{text}' is not a time: use a UTC date such as 2025-05-06, a date and time such as 2025-05-06T12:00, or epoch milliseconds.");
        return absent;
    }
}

/// <summary>The <c>rari backtest</c> option values as typed, before checking.</summary>
/// <param name="Strategy"><c>--strategy</c>.</param>
/// <param name="Data"><c>--data</c> (repeatable).</param>
/// <param name="Symbols"><c>--symbols</c>.</param>
/// <param name="From"><c>--from</c>.</param>
/// <param name="To"><c>--to</c>.</param>
/// <param name="Set"><c>--set</c> (repeatable).</param>
/// <param name="Config"><c>--config</c>.</param>
/// <param name="Instruments"><c>--instruments</c>.</param>
/// <param name="Out"><c>--out</c>.</param>
/// <param name="Sweep"><c>--sweep</c> (repeatable).</param>
/// <param name="WalkForward"><c>--walk-forward</c>.</param>
/// <param name="Rank"><c>--rank</c>.</param>
/// <param name="Parallel"><c>--parallel</c>.</param>
public sealed record BacktestArguments(
    string? Strategy,
    IReadOnlyList<string> Data,
    string? Symbols,
    string? From,
    string? To,
    IReadOnlyList<string> Set,
    string? Config,
    string? Instruments,
    string? Out,
    IReadOnlyList<string> Sweep,
    string? WalkForward,
    string? Rank,
    int? Parallel);
