using System.Globalization;

namespace Rari.Domain.Risk;

/// <summary>
/// The limits of the risk gate (<c>rari.risk</c>): what the pre-trade rules let through and when the live monitor halts.
/// The three headline limits are the original tool's (portfolio risk 10 %, position risk 5 %, daily loss 15 %); every
/// other default is chosen and explained on its property.
/// </summary>
/// <remarks>
/// <para>Fractions are of account equity unless a property says otherwise. Volatilities are annualised (0.8 = 80 % a
/// year), as <c>RealizedVolatility.Annualized</c> reports them. Durations are milliseconds.</para>
/// <para>Fields are checked together by <see cref="Problems"/> and <see cref="Validated"/>; the engine and the monitor
/// refuse invalid settings.</para>
/// </remarks>
public sealed record RiskSettings
{
    /// <summary>The defaults described on each property.</summary>
    public static RiskSettings Default { get; } = new();

    /// <summary>
    /// Largest loss one order may cause if its stop is hit, as a fraction of equity (<c>max-portfolio-risk</c>).
    /// Default 0.10, the original tool's.
    /// </summary>
    public decimal MaxPortfolioRisk { get; init; } = 0.10m;

    /// <summary>
    /// Largest margin-at-risk of one position (or of a group of correlated positions), as a fraction of equity
    /// (<c>max-position-risk</c>). Default 0.05, the original tool's.
    /// </summary>
    /// <remarks>
    /// Margin-at-risk is the initial margin the resulting position would need at the symbol's configured leverage,
    /// <c>worst-case notional / leverage</c>, where the worst case also fills every resting entry order on the same side.
    /// It is what an isolated position can lose, and what a cross position ties up.
    /// </remarks>
    public decimal MaxPositionRisk { get; init; } = 0.05m;

    /// <summary>
    /// Loss since the UTC day's starting equity at which the monitor halts new exposure, as a fraction of that equity
    /// (<c>max-daily-loss</c>). Default 0.15, the original tool's. Reached at exactly the limit.
    /// </summary>
    public decimal MaxDailyLoss { get; init; } = 0.15m;

    /// <summary>
    /// Hard cap on one symbol's worst-case notional, USDT; null for none (the default). An absolute safety net against a
    /// sizing bug: no default can suit every account size, so the relative caps bind unless the operator sets one.
    /// </summary>
    public decimal? MaxSymbolNotional { get; init; }

    /// <summary>Hard cap on the worst-case notional of all symbols together, USDT; null for none (the default).</summary>
    public decimal? MaxTotalNotional { get; init; }

    /// <summary>
    /// Largest worst-case notional of all symbols together as a multiple of equity. Default 10: two positions at the
    /// 5 % margin-at-risk cap and 50x leverage already make 5x, so 10x leaves room for a few while stopping a runaway.
    /// </summary>
    public decimal MaxGrossLeverage { get; init; } = 10m;

    /// <summary>
    /// Annualised volatility above which new exposure is scaled down by <c>target / realized</c>. Default 0.80: BTC and
    /// ETH usually run at 40-70 %, so the large assets trade at full size and only violent markets are scaled.
    /// </summary>
    public decimal TargetVolatility { get; init; } = 0.80m;

    /// <summary>
    /// Rolling correlation of returns at or above which two symbols' same-direction exposures count as one position
    /// against the position caps. Default 0.70, where two positions move together most of the time.
    /// </summary>
    public decimal CorrelationThreshold { get; init; } = 0.70m;

    /// <summary>How far from the touch visible depth is counted, as a fraction of the touch price. Default 0.005 (0.5 %).</summary>
    public decimal DepthBand { get; init; } = 0.005m;

    /// <summary>
    /// Largest share of the visible depth within <see cref="DepthBand"/> one order may take. Default 0.25: an order that
    /// would need more than a quarter of the nearby book moves the price and is hard to get out of.
    /// </summary>
    public decimal MaxDepthShare { get; init; } = 0.25m;

    /// <summary>
    /// Largest estimated slippage of a MARKET order from the touch, as a fraction of the touch price. Default 0.005
    /// (0.5 %), ten times a normal BTC spread but well inside the venue's 5 % market-take bound.
    /// </summary>
    public decimal MaxSlippage { get; init; } = 0.005m;

    /// <summary>
    /// How far from the mark any LIMIT price may be, as a fraction of the mark. Default 0.20: wide enough for a grid of
    /// ten levels 2 % apart, narrow enough to catch a price typed with a wrong digit.
    /// </summary>
    public decimal LimitPriceBand { get; init; } = 0.20m;

    /// <summary>
    /// How far past the mark a LIMIT price may cross (a BUY above it, a SELL below it), as a fraction of the mark.
    /// Default 0.01: a limit that crosses further is a market order in disguise without the slippage check.
    /// </summary>
    public decimal MarketableLimitBand { get; init; } = 0.01m;

    /// <summary>
    /// Share of the exchange's order-rate limit that new-exposure orders may use. Default 0.80: the last fifth stays free
    /// for cancels, exits and emergency closes, which the rate rule never blocks.
    /// </summary>
    public decimal OrderRateBudgetShare { get; init; } = 0.80m;

    /// <summary>
    /// Smallest distance between the mark and the resulting position's estimated liquidation price, in ATRs of the bars
    /// the host feeds. Default 10: ten typical one-minute ranges.
    /// </summary>
    public decimal LiquidationBufferAtr { get; init; } = 10m;

    /// <summary>
    /// Smallest distance between the mark and the estimated liquidation price as a fraction of the mark, applied with the
    /// ATR buffer (the larger wins) and alone while the ATR is unknown. Default 0.01 (1 %).
    /// </summary>
    public decimal MinLiquidationDistance { get; init; } = 0.01m;

    /// <summary>
    /// Whether a daily-loss halt lifts by itself at the next UTC day (the default) or stays until a manual resume.
    /// </summary>
    public bool DailyLossResetsAtNewDay { get; init; } = true;

    /// <summary>
    /// Whether a daily-loss or max-drawdown halt also closes every position at market (the default), rather than only
    /// stopping new exposure: a loss limit that leaves losing positions open does not limit the loss.
    /// </summary>
    public bool FlattenOnLossHalt { get; init; } = true;

    /// <summary>Drawdown from the equity peak at which the monitor halts, as a fraction of the peak; null for none (the default).</summary>
    public decimal? MaxDrawdown { get; init; }

    /// <summary>
    /// How far above the journaled equity peak equity must rise before a new peak is journaled, as a fraction. Default
    /// 0.001 (0.1 %): a rising market then writes a handful of events a day, and the drawdown is understated by at most
    /// this much. 0 journals every new high.
    /// </summary>
    public decimal PeakJournalStep { get; init; } = 0.001m;

    /// <summary>
    /// A one-bar return beyond this many standard deviations of the recent returns trips the symbol's circuit breaker;
    /// null to disable. Default 8: one-minute crypto returns have fat tails, and 8σ still only fires on a real dislocation.
    /// </summary>
    public decimal? CircuitBreakerSigma { get; init; } = 8m;

    /// <summary>
    /// A one-bar return beyond this fraction trips the symbol's circuit breaker whatever the recent volatility; null to
    /// disable. Default 0.05: a 5 % move in one minute.
    /// </summary>
    public decimal? CircuitBreakerMove { get; init; } = 0.05m;

    /// <summary>How long a tripped circuit breaker keeps new entries out of its symbol, in milliseconds. Default 900,000 (15 minutes).</summary>
    public long CircuitBreakerCooldownMs { get; init; } = 900_000;

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

        const string Fraction = "a fraction above 0 and at most 1";
        Require(MaxPortfolioRisk is > 0m and <= 1m, nameof(MaxPortfolioRisk), MaxPortfolioRisk, Fraction);
        Require(MaxPositionRisk is > 0m and <= 1m, nameof(MaxPositionRisk), MaxPositionRisk, Fraction);
        Require(MaxDailyLoss is > 0m and < 1m, nameof(MaxDailyLoss), MaxDailyLoss, "a fraction above 0 and below 1");
        Require(MaxSymbolNotional is null or > 0m, nameof(MaxSymbolNotional), MaxSymbolNotional, "a positive amount of USDT, or null for none");
        Require(MaxTotalNotional is null or > 0m, nameof(MaxTotalNotional), MaxTotalNotional, "a positive amount of USDT, or null for none");
        Require(MaxGrossLeverage > 0m, nameof(MaxGrossLeverage), MaxGrossLeverage, "a positive multiple of equity");
        Require(TargetVolatility > 0m, nameof(TargetVolatility), TargetVolatility, "a positive annualised volatility");
        Require(CorrelationThreshold is > 0m and <= 1m, nameof(CorrelationThreshold), CorrelationThreshold, "a correlation above 0 and at most 1");
        Require(DepthBand is > 0m and < 1m, nameof(DepthBand), DepthBand, "a fraction of the touch price above 0 and below 1");
        Require(MaxDepthShare is > 0m and <= 1m, nameof(MaxDepthShare), MaxDepthShare, Fraction);
        Require(MaxSlippage is > 0m and < 1m, nameof(MaxSlippage), MaxSlippage, "a fraction above 0 and below 1");
        Require(LimitPriceBand is > 0m and < 1m, nameof(LimitPriceBand), LimitPriceBand, "a fraction above 0 and below 1");
        Require(MarketableLimitBand >= 0m && MarketableLimitBand <= LimitPriceBand, nameof(MarketableLimitBand), MarketableLimitBand, "a fraction from 0 up to LimitPriceBand");
        Require(OrderRateBudgetShare is > 0m and <= 1m, nameof(OrderRateBudgetShare), OrderRateBudgetShare, Fraction);
        Require(LiquidationBufferAtr >= 0m, nameof(LiquidationBufferAtr), LiquidationBufferAtr, "a number of ATRs, not negative");
        Require(MinLiquidationDistance is >= 0m and < 1m, nameof(MinLiquidationDistance), MinLiquidationDistance, "a fraction from 0 up to (not including) 1");
        Require(MaxDrawdown is null or (> 0m and < 1m), nameof(MaxDrawdown), MaxDrawdown, "a fraction above 0 and below 1, or null for none");
        Require(PeakJournalStep is >= 0m and < 1m, nameof(PeakJournalStep), PeakJournalStep, "a fraction from 0 up to (not including) 1");
        Require(CircuitBreakerSigma is null or > 0m, nameof(CircuitBreakerSigma), CircuitBreakerSigma, "a positive number of standard deviations, or null to disable");
        Require(CircuitBreakerMove is null or (> 0m and < 1m), nameof(CircuitBreakerMove), CircuitBreakerMove, "a fraction above 0 and below 1, or null to disable");
        Require(CircuitBreakerCooldownMs > 0, nameof(CircuitBreakerCooldownMs), CircuitBreakerCooldownMs, "a positive number of milliseconds");
        return problems;
    }

    /// <summary>These settings, after checking them.</summary>
    /// <exception cref="ArgumentException">Something is invalid; the message lists every problem, one per line.</exception>
    public RiskSettings Validated()
    {
        var problems = Problems();
        return problems.Count == 0
            ? this
            : throw new ArgumentException("Invalid risk settings:\n" + string.Join("\n", problems));
    }
}
