namespace Rari.Domain.Risk;

/// <summary>The names the built-in rules sign their <see cref="RuleOutcome"/>s with; stable, for logs, tests and the dashboard.</summary>
public static class RiskRuleNames
{
    /// <summary>The engine itself, when the order never reaches the rules (no market view, or a reduce-only pass).</summary>
    public const string Gate = "gate";

    /// <summary>Global and per-symbol trading states: Halted, Reducing.</summary>
    public const string TradingState = "trading-state";

    /// <summary>The exchange's order-rate budget.</summary>
    public const string OrderRate = "order-rate";

    /// <summary>The limit price's distance from the mark.</summary>
    public const string PriceBand = "price-band";

    /// <summary>Scaling down when realized volatility is above target.</summary>
    public const string Volatility = "volatility";

    /// <summary>The loss at the order's stop against equity.</summary>
    public const string PerTradeRisk = "per-trade-risk";

    /// <summary>The resulting position's margin-at-risk against equity.</summary>
    public const string PositionRisk = "position-risk";

    /// <summary>Per-symbol and total notional caps.</summary>
    public const string NotionalCaps = "notional-caps";

    /// <summary>The asset table's leverage and the venue's leverage brackets.</summary>
    public const string Leverage = "leverage";

    /// <summary>Correlated same-direction exposure counted as one position.</summary>
    public const string Correlation = "correlation";

    /// <summary>The order's share of the visible book depth.</summary>
    public const string Depth = "depth";

    /// <summary>A MARKET order's estimated slippage.</summary>
    public const string Slippage = "slippage";

    /// <summary>The resulting position's distance to its liquidation price.</summary>
    public const string LiquidationDistance = "liquidation-distance";
}
