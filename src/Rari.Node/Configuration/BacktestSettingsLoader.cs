using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Backtest;
using Rari.Domain.Risk;
using Rari.Venue.Matching;

namespace Rari.Node.Configuration;

/// <summary>
/// Reads <c>rari.backtest</c> into <see cref="BacktestSettings"/>, taking the risk gate's limits from <c>rari.risk</c>. It lives
/// with the command line, the only host of the backtester, so that the actor layer does not depend on it.
/// </summary>
public static class BacktestSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.backtest";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.backtest</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static BacktestSettings Create(Config? section, RiskLimits? risk = null)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader, risk ?? RiskLimits.Default);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static BacktestSettings Read(ConfigReader reader, RiskLimits risk)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(risk);
        var d = BacktestSettings.Default;
        var funding = reader.Duration("funding-interval", TimeSpan.FromHours(d.FundingIntervalHours));
        var fundingHours = (int)funding.TotalHours;
        if (funding != TimeSpan.FromHours(fundingHours))
        {
            reader.Add("funding-interval", ConfigText.Format(funding), "must be whole hours, 1h to 24h");
            fundingHours = d.FundingIntervalHours;
        }

        var settings = new BacktestSettings
        {
            InitialBalance = reader.Decimal("initial-balance", d.InitialBalance),
            MakerFeeRate = reader.Decimal("maker-fee-rate", d.MakerFeeRate),
            TakerFeeRate = reader.Decimal("taker-fee-rate", d.TakerFeeRate),
            FillModel = reader.Enum<FillModel>("fill-model", d.FillModel),
            MakerVolumeShare = reader.NullableDecimal("maker-volume-share", d.MakerVolumeShare),
            SyntheticSpreadTicks = reader.Int("synthetic-spread-ticks", d.SyntheticSpreadTicks),
            SyntheticLevelVolumeShare = reader.Decimal("synthetic-level-volume-share", d.SyntheticLevelVolumeShare),
            RecentVolumeWindow = reader.Int("recent-volume-window", d.RecentVolumeWindow),
            SyntheticBookLevels = reader.Int("synthetic-book-levels", d.SyntheticBookLevels),
            FundingRate = reader.Decimal("funding-rate", d.FundingRate),
            FundingIntervalHours = fundingHours,
            WarmUpBars = reader.Int("warm-up-bars", d.WarmUpBars),
            EquitySampleMs = (long)reader.Duration("equity-sample-interval", TimeSpan.FromMilliseconds(d.EquitySampleMs)).TotalMilliseconds,
            ApplyRiskLimits = reader.Bool("apply-risk-limits", d.ApplyRiskLimits),
            Risk = risk.Settings,
        };
        reader.RejectUnknownKeys();

        // The limits come from rari.risk, which reports its own problems.
        reader.AddValidation((settings with { Risk = RiskSettings.Default }).Validate());
        return settings;
    }
}
