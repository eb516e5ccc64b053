using System.Globalization;
using Rari.Domain.Risk;
using Rari.Venue;
using Rari.Venue.Matching;

namespace Rari.Backtest;

/// <summary>
/// How a backtest runs (HOCON block <c>rari.backtest</c>): the wallet, the fill model and its costs (fees, partial
/// fills, slippage, funding), the warm-up and the equity sampling, and the risk gate's limits it applies.
/// </summary>
/// <remarks>The fill-model defaults are the simulated venue's own (<see cref="VenueOptions"/>), so the backtester and
/// the simulator fill alike unless told otherwise.</remarks>
public sealed record BacktestSettings
{
    // Declared before Default: static initializers run in text order, and Default's constructor reads these.
    private static readonly VenueOptions VenueDefaults = new();
    private static readonly SymbolSettings SymbolDefaults = new();

    /// <summary>The defaults (which <c>hocon/rari.conf</c> repeats).</summary>
    public static BacktestSettings Default { get; } = new();

    /// <summary>Opening wallet balance, USDT. Default 10,000.</summary>
    public decimal InitialBalance { get; init; } = 10_000m;

    /// <summary>Maker commission rate; negative for a rebate. Default the venue's 0.0002.</summary>
    public decimal MakerFeeRate { get; init; } = VenueDefaults.MakerCommissionRate;

    /// <summary>Taker commission rate. Default the venue's 0.0004.</summary>
    public decimal TakerFeeRate { get; init; } = VenueDefaults.TakerCommissionRate;

    /// <summary>When the price path fills a resting limit order. Default trade-through.</summary>
    public FillModel FillModel { get; init; } = VenueDefaults.FillModel;

    /// <summary>Partial fills: the share of a bar's volume the account's resting orders may take at one price; null fills in full. Default 0.1.</summary>
    public decimal? MakerVolumeShare { get; init; } = VenueDefaults.MakerVolumeShare;

    /// <summary>Ticks between bid and ask of the synthetic book takers walk. Default 2.</summary>
    public int SyntheticSpreadTicks { get; init; } = VenueDefaults.SyntheticSpreadTicks;

    /// <summary>Quantity per synthetic level as a share of recent mean bar volume. Default 0.1.</summary>
    public decimal SyntheticLevelVolumeShare { get; init; } = VenueDefaults.SyntheticLevelVolumeShare;

    /// <summary>Bars the synthetic depth averages over. Default 20.</summary>
    public int RecentVolumeWindow { get; init; } = VenueDefaults.RecentVolumeWindow;

    /// <summary>Levels a side of the synthetic book. Default 100.</summary>
    public int SyntheticBookLevels { get; init; } = VenueDefaults.SyntheticBookLevels;

    /// <summary>The funding rate settled at every funding time (positive: longs pay shorts). Default 0.0001.</summary>
    public decimal FundingRate { get; init; } = SymbolDefaults.DefaultFundingRate;

    /// <summary>Hours between funding settlements, 1-24. Default 8.</summary>
    public int FundingIntervalHours { get; init; } = SymbolDefaults.FundingIntervalHours;

    /// <summary>Bars per symbol that only warm the strategy up before it may trade. Default 1,440 (one day of 1-minute bars).</summary>
    public int WarmUpBars { get; init; } = 1_440;

    /// <summary>Spacing of equity-curve samples, milliseconds of market time. Default 300,000 (5 minutes).</summary>
    public long EquitySampleMs { get; init; } = 300_000;

    /// <summary>
    /// Whether the risk gate's rules apply (<c>apply-risk-limits</c>): every order judged by the Domain's
    /// <see cref="RiskEngine"/> and the live protections of its <see cref="RiskMonitor"/> enforced. Default true.
    /// </summary>
    public bool ApplyRiskLimits { get; init; } = true;

    /// <summary>The risk gate's limits (<c>rari.risk</c>), applied when <see cref="ApplyRiskLimits"/> is on.</summary>
    public RiskSettings Risk { get; init; } = RiskSettings.Default;

    /// <summary>Every problem, one message per key (<c>key = value: why</c>, kebab-case keys of <c>rari.backtest</c>); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, InitialBalance > 0m, $"initial-balance = {InitialBalance}: must be positive");
        Check(errors, MakerFeeRate is > -0.01m and < 0.01m, $"maker-fee-rate = {MakerFeeRate}: must be within ±0.01");
        Check(errors, TakerFeeRate is >= 0m and < 0.01m, $"taker-fee-rate = {TakerFeeRate}: must be in [0, 0.01)");
        Check(errors, Enum.IsDefined(FillModel), $"fill-model = {FillModel}: use trade-through or touch");
        Check(errors, MakerVolumeShare is null or (> 0m and <= 1m), $"maker-volume-share = {MakerVolumeShare}: must be in (0, 1], or null for full fills");
        Check(errors, SyntheticSpreadTicks >= 1, $"synthetic-spread-ticks = {SyntheticSpreadTicks}: must be at least 1");
        Check(errors, SyntheticLevelVolumeShare > 0m, $"synthetic-level-volume-share = {SyntheticLevelVolumeShare}: must be positive");
        Check(errors, RecentVolumeWindow >= 1, $"recent-volume-window = {RecentVolumeWindow}: must be at least 1");
        Check(errors, SyntheticBookLevels >= 1, $"synthetic-book-levels = {SyntheticBookLevels}: must be at least 1");
        Check(errors, FundingRate is >= -0.03m and <= 0.03m, $"funding-rate = {FundingRate}: must be within ±0.03 (the funding cap)");
        Check(errors, FundingIntervalHours is >= 1 and <= 24, $"funding-interval = {FundingIntervalHours}h: must be 1h to 24h in whole hours");
        Check(errors, WarmUpBars >= 0, $"warm-up-bars = {WarmUpBars}: must not be negative");
        Check(errors, EquitySampleMs >= 60_000, $"equity-sample-interval = {EquitySampleMs}ms: must be at least 1m");
        if (Risk is null)
        {
            errors.Add("risk: must be set");
        }
        else
        {
            errors.AddRange(Risk.Problems());
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds anything, listing every problem.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public BacktestSettings Validated()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new ArgumentException("Invalid backtest settings: " + string.Join("; ", errors));
    }

    /// <summary>The venue options these settings describe; history is not recorded (the backtest consumes events).</summary>
    public VenueOptions ToVenueOptions() => new()
    {
        FillModel = FillModel,
        MakerVolumeShare = MakerVolumeShare,
        SyntheticSpreadTicks = SyntheticSpreadTicks,
        SyntheticLevelVolumeShare = SyntheticLevelVolumeShare,
        RecentVolumeWindow = RecentVolumeWindow,
        SyntheticBookLevels = SyntheticBookLevels,
        MakerCommissionRate = MakerFeeRate,
        TakerCommissionRate = TakerFeeRate,
        RecordHistory = false,
    };

    /// <summary>The per-symbol venue settings: funding and the kline interval of the data.</summary>
    public SymbolSettings ToSymbolSettings(long barMs) => new()
    {
        FundingIntervalHours = FundingIntervalHours,
        DefaultFundingRate = FundingRate,
        KlineIntervalMs = barMs,
    };

    private static void Check(List<string> errors, bool valid, FormattableString message)
    {
        if (!valid)
        {
            errors.Add(message.ToString(CultureInfo.InvariantCulture));
        }
    }
}
