using Rari.Domain.Portfolio;
using Rari.Venue.Matching;

namespace Rari.Venue;

/// <summary>
/// How the simulated venue fills orders, charges fees and warns about margin. One instance per venue; each property
/// validates its value when set.
/// </summary>
public sealed record VenueOptions
{
    /// <summary>When the price path fills a resting limit order; <see cref="FillModel.TradeThrough"/> by default.</summary>
    public FillModel FillModel
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(FillModel), value, "Unknown fill model.");
    } = FillModel.TradeThrough;

    /// <summary>
    /// The share of a market-data event's traded volume (a kline's volume, a trade's quantity) one account's resting
    /// orders may take at one price, in (0, 1]; the rest stays open for later events. Default 0.1 (10 %). Null lifts
    /// the cap: a reached order fills in full.
    /// </summary>
    public decimal? MakerVolumeShare
    {
        get;
        init => field = value is null or (> 0m and <= 1m)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MakerVolumeShare), value, "MakerVolumeShare must be in (0, 1], or null for no cap.");
    } = 0.1m;

    /// <summary>
    /// Ticks between the best bid and the best ask of the synthetic book that market orders walk when no L2 book is
    /// given; at least 1. Default 2 (one tick either side of the last price).
    /// </summary>
    public int SyntheticSpreadTicks
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SyntheticSpreadTicks), value, "SyntheticSpreadTicks must be at least 1.");
    } = 2;

    /// <summary>
    /// Quantity on each level of the synthetic book, as a share of the average volume of recent market-data events
    /// (see <see cref="RecentVolumeWindow"/>); positive. Default 0.1.
    /// </summary>
    public decimal SyntheticLevelVolumeShare
    {
        get;
        init => field = value > 0m ? value : throw new ArgumentOutOfRangeException(nameof(SyntheticLevelVolumeShare), value, "SyntheticLevelVolumeShare must be positive.");
    } = 0.1m;

    /// <summary>How many recent market-data events the synthetic depth averages over; at least 1. Default 20.</summary>
    public int RecentVolumeWindow
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(RecentVolumeWindow), value, "RecentVolumeWindow must be at least 1.");
    } = 20;

    /// <summary>How many levels the synthetic book has on each side; a market order larger than all of them expires the rest. Default 100.</summary>
    public int SyntheticBookLevels
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SyntheticBookLevels), value, "SyntheticBookLevels must be at least 1.");
    } = 100;

    /// <summary>Maker commission rate of new accounts (Aster's example 0.0002); may be negative for a rebate.</summary>
    public decimal MakerCommissionRate
    {
        get;
        init => field = value is > -0.01m and < 0.01m ? value : throw new ArgumentOutOfRangeException(nameof(MakerCommissionRate), value, "MakerCommissionRate must be within ±1 %.");
    } = 0.0002m;

    /// <summary>Taker commission rate of new accounts (Aster's example 0.0004).</summary>
    public decimal TakerCommissionRate
    {
        get;
        init => field = value is >= 0m and < 0.01m ? value : throw new ArgumentOutOfRangeException(nameof(TakerCommissionRate), value, "TakerCommissionRate must be in [0, 1 %).");
    } = 0.0004m;

    /// <summary>
    /// The margin ratio (maintenance margin / margin balance) at which a <see cref="Events.MarginCalled"/> is sent, in
    /// (0, 1]. Default 0.8: the warning comes when the balance has fallen to 1.25 × the maintenance margin.
    /// </summary>
    public decimal MarginCallRatio
    {
        get;
        init => field = value is > 0m and <= 1m ? value : throw new ArgumentOutOfRangeException(nameof(MarginCallRatio), value, "MarginCallRatio must be in (0, 1].");
    } = 0.8m;

    /// <summary>Leverage of a symbol an account has not set (capped at the symbol's bracket maximum). Default 20.</summary>
    public int DefaultLeverage
    {
        get;
        init => field = value is >= 1 and <= Position.MaxLeverage
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DefaultLeverage), value, $"DefaultLeverage must be 1-{Position.MaxLeverage}.");
    } = PortfolioAccount.StandardLeverage;

    /// <summary>
    /// Whether the venue keeps finished orders, trades and income for the history queries. Turn it off for long
    /// backtests that only consume events; open orders and positions are always kept.
    /// </summary>
    public bool RecordHistory { get; init; } = true;
}
