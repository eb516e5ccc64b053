using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.Venue.Events;

namespace Rari.Backtest.Engine;

/// <summary>Everything one backtest run needs: the markets and their bars, the settings, and how to make each symbol's strategy.</summary>
/// <param name="Markets">The symbols, in the order the venue lists them (which decides the order of same-time events).</param>
/// <param name="Settings">The backtest's settings; validated by the engine.</param>
/// <param name="CreateStrategy">Makes a fresh strategy for a market; called once per market per run.</param>
public sealed record BacktestSetup(
    IReadOnlyList<BacktestMarket> Markets,
    BacktestSettings Settings,
    Func<BacktestMarket, ITradingStrategy> CreateStrategy)
{
    /// <summary>The report's title, e.g. "grid on BTCUSDT 2023-07-18 → 2023-08-17".</summary>
    public string Title { get; init; } = "backtest";

    /// <summary>The effective settings for the report, HOCON path → value, sorted by path.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>
    /// The per-asset table (<c>rari.assets</c>) whose leverage is each asset's maximum for the risk engine's leverage rule.
    /// Default <see cref="AssetProfileTable.Default"/>.
    /// </summary>
    public AssetProfileTable Assets { get; init => field = value ?? throw new ArgumentNullException(nameof(Assets)); } = AssetProfileTable.Default;

    /// <summary>Sees every venue event as the engine handles it (tests check invariants with it); null for none.</summary>
    public IVenueEventSink? Observer { get; init; }

    /// <summary>
    /// Checks, on every read, that the equity and available balance the engine keeps between account reads equal the
    /// venue's (<c>GetBalance</c>), and fails the run at the first difference. Slower; for tests.
    /// </summary>
    public bool VerifyAccount { get; init; }

    /// <summary>Told the share of bars processed (0-1) now and then during the run; null for none.</summary>
    public Action<double>? Progress { get; init; }
}
