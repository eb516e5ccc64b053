using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Backtest.Reports;

/// <summary>
/// Everything a backtest produced, in the shape the report writers need: the parameters it ran with, its metrics,
/// its round trips, the account's equity curve, and per symbol what a person wants to see on a price chart.
/// </summary>
/// <param name="Title">A one-line description, e.g. "grid on BTCUSDT 2023-07-18 → 2023-08-17".</param>
/// <param name="Parameters">The effective settings, as HOCON path → value text, sorted by path.</param>
/// <param name="Metrics">The run's performance figures.</param>
/// <param name="Trades">Closed round trips, in exit-time order.</param>
/// <param name="EquityCurve">Account equity samples, in time order.</param>
/// <param name="Symbols">One entry per traded symbol.</param>
/// <param name="RiskEvents">Every halt, breaker trip and resume, in time order.</param>
public sealed record BacktestReport(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    PerformanceReport Metrics,
    IReadOnlyList<ClosedTrade> Trades,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<SymbolChart> Symbols,
    IReadOnlyList<RiskEventRecord> RiskEvents);

/// <summary>What the report draws for one symbol: its price, the strategy's levels over time, and its fills.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Prices">Close prices in time order (the writer thins them for drawing).</param>
/// <param name="Levels">Price levels a strategy kept orders at, each with the time span it was active.</param>
/// <param name="Fills">Every fill of the run in this symbol.</param>
public sealed record SymbolChart(
    Symbol Symbol,
    IReadOnlyList<PricePoint> Prices,
    IReadOnlyList<LevelSpan> Levels,
    IReadOnlyList<FillMarker> Fills);

/// <summary>One price sample.</summary>
/// <param name="TimestampMs">UTC epoch milliseconds.</param>
/// <param name="Price">The price.</param>
public readonly record struct PricePoint(long TimestampMs, decimal Price);

/// <summary>A price level a strategy worked between two times (a grid level until the grid moved).</summary>
/// <param name="Price">The level's price.</param>
/// <param name="FromMs">When the level became active.</param>
/// <param name="ToMs">When it stopped being active (the run's end if it never did).</param>
public readonly record struct LevelSpan(decimal Price, long FromMs, long ToMs);

/// <summary>A fill, for marking on the price chart.</summary>
/// <param name="TimestampMs">When it filled.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Quantity">Filled quantity.</param>
/// <param name="Side">Buy or sell.</param>
public readonly record struct FillMarker(long TimestampMs, decimal Price, decimal Quantity, OrderSide Side);

/// <summary>A risk event the report lists: a halt, a circuit-breaker trip or a resume, with its reason.</summary>
/// <param name="TimestampMs">When it happened.</param>
/// <param name="Kind">What happened, e.g. "halt", "breaker", "resume".</param>
/// <param name="Symbol">The symbol it concerned, or null for the whole account.</param>
/// <param name="Reason">Why, as the risk rule stated it.</param>
public sealed record RiskEventRecord(long TimestampMs, string Kind, Symbol? Symbol, string Reason);
