using System.Globalization;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// Everything that shapes one grid: its direction, levels and range, order sizes and flags, rebalancing, the
/// feasibility margins, the liquidity cap, the stops and the retry timings. Defaults follow the original tool: a neutral
/// grid of 10 levels 2 % apart, 50 USDT per level, GTC limit orders.
/// </summary>
/// <remarks>
/// <para>Durations are counted in bars of <see cref="BarMs"/> milliseconds (one minute by default) and measured in market
/// time, so a gap in the data counts as the bars it covers.</para>
/// <para>Fields are checked together by <see cref="Problems"/> and <see cref="Validated"/> (some depend on each other,
/// e.g. the explicit range), not one by one as they are set; <see cref="GridStrategy"/> refuses invalid settings.</para>
/// </remarks>
public sealed record GridSettings
{
    /// <summary>The original tool's defaults.</summary>
    public static GridSettings Default { get; } = new();

    /// <summary>Long, short or neutral (the default).</summary>
    public GridDirection Direction { get; init; } = GridDirection.Neutral;

    /// <summary>Number of price levels; the grid has one rung fewer. Default 10.</summary>
    public int LevelCount { get; init; } = 10;

    /// <summary>Equal price steps or equal ratios (the default: every step is the same percentage).</summary>
    public GridSpacingMode SpacingMode { get; init; } = GridSpacingMode.Geometric;

    /// <summary>Where the range comes from: fixed spacing around the price (the default), explicit bounds, or volatility.</summary>
    public GridRangeSource RangeSource { get; init; } = GridRangeSource.FixedSpacing;

    /// <summary>Distance between adjacent levels as a fraction of the price, for <see cref="GridRangeSource.FixedSpacing"/>. Default 0.02.</summary>
    public decimal Spacing { get; init; } = 0.02m;

    /// <summary>Lowest level, for <see cref="GridRangeSource.Explicit"/>.</summary>
    public decimal? LowerPrice { get; init; }

    /// <summary>Highest level, for <see cref="GridRangeSource.Explicit"/>.</summary>
    public decimal? UpperPrice { get; init; }

    /// <summary>ATR (the default) or realized volatility, for <see cref="GridRangeSource.Volatility"/>.</summary>
    public GridVolatilitySource VolatilitySource { get; init; } = GridVolatilitySource.Atr;

    /// <summary>Bars in the volatility window (ATR period or number of returns). Default 60.</summary>
    public int VolatilityWindow { get; init; } = 60;

    /// <summary>The range reaches this many volatilities either side of the price (k). Default 4.</summary>
    public decimal VolatilityMultiplier { get; init; } = 4m;

    /// <summary>Smallest spacing a volatility grid may use, as a fraction. Default 0.002 (0.2 %).</summary>
    public decimal MinSpacing { get; init; } = 0.002m;

    /// <summary>Largest spacing a volatility grid may use, as a fraction. Default 0.05 (5 %).</summary>
    public decimal MaxSpacing { get; init; } = 0.05m;

    /// <summary>Order value of each rung at its entry price, in USDT. Default 50.</summary>
    public decimal NotionalPerLevel { get; init; } = 50m;

    /// <summary>Send resting orders as GTX (post-only) instead of GTC. Default false.</summary>
    public bool PostOnly { get; init; }

    /// <summary>
    /// Send take-profit orders reduce-only (default true): they can only close inventory, pass the risk gate while the
    /// symbol is reducing, and are exempt from MIN_NOTIONAL, so even a small partial fill can always be taken off.
    /// </summary>
    public bool ReduceOnlyExits { get; init; } = true;

    /// <summary>What to do when the price leaves the range. Default <see cref="GridRebalanceMode.Recentre"/>.</summary>
    public GridRebalanceMode Rebalance { get; init; } = GridRebalanceMode.Recentre;

    /// <summary>Closed bars the price must stay outside the range before a recentre. Default 30.</summary>
    public int RecentreAfterBars { get; init; } = 30;

    /// <summary>How many round-trip fees a step must cover (the round trip is two maker fees). Default 2.</summary>
    public decimal FeeCoverage { get; init; } = 2m;

    /// <summary>Profit a step must leave beyond <see cref="FeeCoverage"/> × the round-trip fee, as a fraction. Default 0.0005.</summary>
    public decimal MinStepMargin { get; init; } = 0.0005m;

    /// <summary>Largest share of the visible book depth near its price an entry order may take, when a book is known. Default 0.2.</summary>
    public decimal LiquidityShare { get; init; } = 0.2m;

    /// <summary>How far around an order's price the depth is counted, as a fraction of the price. Default 0.002.</summary>
    public decimal LiquidityBand { get; init; } = 0.002m;

    /// <summary>Stop when the close is this fraction beyond the range on the losing side; null disables. Default 0.05.</summary>
    public decimal? StopLossDistance { get; init; } = 0.05m;

    /// <summary>Take profit when the close is this fraction beyond the range on the winning side (long and short grids); null disables.</summary>
    public decimal? TakeProfitDistance { get; init; }

    /// <summary>Stop when the grid's PnL since it started (net of fees, with the inventory at the close) loses this many USDT; null disables.</summary>
    public decimal? StopLossAmount { get; init; }

    /// <summary>Take profit when the grid's PnL since it started reaches this many USDT; null disables.</summary>
    public decimal? TakeProfitAmount { get; init; }

    /// <summary>Bars to wait after a stop before trying to start again; null never restarts. Default 60.</summary>
    public int? CooldownBars { get; init; } = 60;

    /// <summary>Bars between two attempts after the feasibility check refused a grid or a recentre. Default 60.</summary>
    public int RefusalRetryBars { get; init; } = 60;

    /// <summary>Bars to wait before re-arming a rung whose order was rejected, denied, expired or skipped; doubles on each repeat. Default 1.</summary>
    public int RetryBackoffBars { get; init; } = 1;

    /// <summary>The longest re-arm back-off, in bars. Default 60.</summary>
    public int MaxRetryBackoffBars { get; init; } = 60;

    /// <summary>Most orders the grid keeps open at once; null means the instrument's MAX_NUM_ORDERS.</summary>
    public int? MaxOpenOrders { get; init; }

    /// <summary>Length of the bars the grid is fed, in milliseconds. Default 60,000 (one minute).</summary>
    public long BarMs { get; init; } = 60_000;

    /// <summary>Every problem with these settings, one sentence each naming the field; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool ok, string field, object? value, string rule)
        {
            if (!ok)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} = {value ?? "null"}: {rule}"));
            }
        }

        Require(Enum.IsDefined(Direction), nameof(Direction), Direction, "use Long, Short or Neutral");
        Require(LevelCount is >= 2 and <= 500, nameof(LevelCount), LevelCount, "a grid needs 2 to 500 levels");
        Require(Enum.IsDefined(SpacingMode), nameof(SpacingMode), SpacingMode, "use Arithmetic or Geometric");
        Require(Enum.IsDefined(RangeSource), nameof(RangeSource), RangeSource, "use FixedSpacing, Explicit or Volatility");
        Require(Spacing is > 0m and < 1m, nameof(Spacing), Spacing, "the spacing is a fraction of the price, above 0 and below 1");
        if (RangeSource == GridRangeSource.Explicit)
        {
            Require(LowerPrice is > 0m, nameof(LowerPrice), LowerPrice, "an explicit range needs a positive lower price");
            Require(UpperPrice is > 0m && UpperPrice > LowerPrice, nameof(UpperPrice), UpperPrice, "an explicit range needs an upper price above the lower one");
            Require(LowerPrice is not > 0m || UpperPrice is not > 0m || UpperPrice <= LowerPrice * 100m, nameof(UpperPrice), UpperPrice, "the range may span at most 100:1");
        }

        Require(Enum.IsDefined(VolatilitySource), nameof(VolatilitySource), VolatilitySource, "use Atr or RealizedVolatility");
        Require(VolatilityWindow is >= 2 and <= 100_000, nameof(VolatilityWindow), VolatilityWindow, "the window needs 2 to 100,000 bars");
        Require(VolatilityMultiplier > 0m, nameof(VolatilityMultiplier), VolatilityMultiplier, "the multiplier must be positive");
        Require(MinSpacing is > 0m and < 1m, nameof(MinSpacing), MinSpacing, "a spacing is a fraction above 0 and below 1");
        Require(MaxSpacing is > 0m and < 1m && MaxSpacing >= MinSpacing, nameof(MaxSpacing), MaxSpacing, "a spacing below 1 and not below MinSpacing");
        Require(NotionalPerLevel > 0m, nameof(NotionalPerLevel), NotionalPerLevel, "each level needs a positive order value");
        Require(Enum.IsDefined(Rebalance), nameof(Rebalance), Rebalance, "use None, Trail or Recentre");
        Require(RecentreAfterBars >= 1, nameof(RecentreAfterBars), RecentreAfterBars, "at least one bar");
        Require(FeeCoverage >= 0m, nameof(FeeCoverage), FeeCoverage, "must not be negative");
        Require(MinStepMargin >= 0m, nameof(MinStepMargin), MinStepMargin, "must not be negative");
        Require(LiquidityShare is > 0m and <= 1m, nameof(LiquidityShare), LiquidityShare, "a share above 0 and at most 1");
        Require(LiquidityBand >= 0m, nameof(LiquidityBand), LiquidityBand, "must not be negative");
        Require(StopLossDistance is null or >= 0m, nameof(StopLossDistance), StopLossDistance, "a fraction, not negative");
        Require(TakeProfitDistance is null or >= 0m, nameof(TakeProfitDistance), TakeProfitDistance, "a fraction, not negative");
        Require(StopLossAmount is null or > 0m, nameof(StopLossAmount), StopLossAmount, "a loss in USDT, given as a positive amount");
        Require(TakeProfitAmount is null or > 0m, nameof(TakeProfitAmount), TakeProfitAmount, "a positive amount of USDT");
        Require(CooldownBars is null or >= 0, nameof(CooldownBars), CooldownBars, "must not be negative");
        Require(RefusalRetryBars >= 1, nameof(RefusalRetryBars), RefusalRetryBars, "at least one bar");
        Require(RetryBackoffBars >= 1, nameof(RetryBackoffBars), RetryBackoffBars, "at least one bar");
        Require(MaxRetryBackoffBars >= RetryBackoffBars, nameof(MaxRetryBackoffBars), MaxRetryBackoffBars, "not below RetryBackoffBars");
        Require(MaxOpenOrders is null or >= 1, nameof(MaxOpenOrders), MaxOpenOrders, "at least one order");
        Require(BarMs > 0, nameof(BarMs), BarMs, "a bar lasts a positive number of milliseconds");
        return problems;
    }

    /// <summary>These settings, after checking them.</summary>
    /// <exception cref="ArgumentException">Something is invalid; the message lists every problem, one per line.</exception>
    public GridSettings Validated()
    {
        var problems = Problems();
        return problems.Count == 0
            ? this
            : throw new ArgumentException("Invalid grid settings:\n" + string.Join("\n", problems));
    }

    /// <summary>How long to wait before re-arming after the <paramref name="failures"/>-th consecutive failure, in milliseconds.</summary>
    internal long BackoffMs(int failures)
    {
        var bars = (long)RetryBackoffBars;
        for (var i = 1; i < failures && bars < MaxRetryBackoffBars; i++)
        {
            bars *= 2;
        }

        return Math.Min(bars, MaxRetryBackoffBars) * BarMs;
    }
}
