namespace Rari.Venue;

/// <summary>
/// Per-symbol venue settings that exchangeInfo does not carry: funding (Aster's <c>fundingInfo</c>) and the kline
/// interval the price path is timed on.
/// </summary>
public sealed record SymbolSettings
{
    /// <summary>Hours between funding settlements (Aster's <c>fundingIntervalHours</c>), 1-24. Default 8.</summary>
    public int FundingIntervalHours
    {
        get;
        init => field = value is >= 1 and <= 24 ? value : throw new ArgumentOutOfRangeException(nameof(FundingIntervalHours), value, "FundingIntervalHours must be 1-24.");
    } = 8;

    /// <summary>Highest funding rate charged (<c>fundingFeeCap</c>). Default 0.03.</summary>
    public decimal FundingRateCap { get; init; } = 0.03m;

    /// <summary>Lowest funding rate charged (<c>fundingFeeFloor</c>). Default −0.03.</summary>
    public decimal FundingRateFloor { get; init; } = -0.03m;

    /// <summary>
    /// The rate settled when neither a recorded rate (<see cref="SimulatedVenue.OnFundingRate"/>) nor a mark-price feed
    /// gives one. Default 0.0001 (0.01 % per interval, the premium-free baseline of USDⓈ-M perpetuals).
    /// </summary>
    public decimal DefaultFundingRate { get; init; } = 0.0001m;

    /// <summary>Length of the klines fed for this symbol, in milliseconds; times the intrabar path. Default 60,000 (1m).</summary>
    public long KlineIntervalMs
    {
        get;
        init => field = value >= 4 ? value : throw new ArgumentOutOfRangeException(nameof(KlineIntervalMs), value, "KlineIntervalMs must be at least 4.");
    } = 60_000L;

    /// <summary>The funding interval in milliseconds.</summary>
    public long FundingIntervalMs => FundingIntervalHours * 3_600_000L;

    /// <summary>Clamps a rate to [<see cref="FundingRateFloor"/>, <see cref="FundingRateCap"/>].</summary>
    public decimal ClampFundingRate(decimal rate) => Math.Min(FundingRateCap, Math.Max(FundingRateFloor, rate));
}
