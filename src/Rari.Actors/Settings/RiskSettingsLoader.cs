using Akka.Configuration;
using Rari.Domain.Risk;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads <c>rari.risk</c> into the Domain's <see cref="RiskSettings"/>, the limits the risk gate enforces; keys are the
/// properties in kebab case (see <c>hocon/rari.conf</c>).
/// </summary>
/// <remarks>
/// One key differs from its property: <c>circuit-breaker-cooldown</c> is a duration
/// (<see cref="RiskSettings.CircuitBreakerCooldownMs"/>). The optional limits (<c>max-symbol-notional</c>,
/// <c>max-total-notional</c>, <c>max-drawdown</c>, <c>circuit-breaker-sigma</c>, <c>circuit-breaker-move</c>) take
/// <c>null</c> to turn them off. The rules are the Domain's own (<see cref="RiskSettings.Problems"/>), reported once per key.
/// </remarks>
public static class RiskSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.risk";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.risk</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">A key does not parse, is unknown, or the settings are invalid; every problem is listed.</exception>
    public static RiskSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there; the defaults stand in for bad keys.</summary>
    public static RiskSettings Read(ConfigReader reader)
    {
        var settings = ReadValues(reader);
        Validate(reader, settings);
        return settings;
    }

    /// <summary>
    /// Reads every key of the block and reports the unknown ones, without checking the values against each other
    /// (<see cref="Validate"/> does that).
    /// </summary>
    public static RiskSettings ReadValues(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = RiskSettings.Default;
        var settings = new RiskSettings
        {
            MaxPortfolioRisk = reader.Decimal("max-portfolio-risk", d.MaxPortfolioRisk),
            MaxPositionRisk = reader.Decimal("max-position-risk", d.MaxPositionRisk),
            MaxDailyLoss = reader.Decimal("max-daily-loss", d.MaxDailyLoss),
            MaxSymbolNotional = reader.NullableDecimal("max-symbol-notional", d.MaxSymbolNotional),
            MaxTotalNotional = reader.NullableDecimal("max-total-notional", d.MaxTotalNotional),
            MaxGrossLeverage = reader.Decimal("max-gross-leverage", d.MaxGrossLeverage),
            TargetVolatility = reader.Decimal("target-volatility", d.TargetVolatility),
            CorrelationThreshold = reader.Decimal("correlation-threshold", d.CorrelationThreshold),
            DepthBand = reader.Decimal("depth-band", d.DepthBand),
            MaxDepthShare = reader.Decimal("max-depth-share", d.MaxDepthShare),
            MaxSlippage = reader.Decimal("max-slippage", d.MaxSlippage),
            LimitPriceBand = reader.Decimal("limit-price-band", d.LimitPriceBand),
            MarketableLimitBand = reader.Decimal("marketable-limit-band", d.MarketableLimitBand),
            OrderRateBudgetShare = reader.Decimal("order-rate-budget-share", d.OrderRateBudgetShare),
            LiquidationBufferAtr = reader.Decimal("liquidation-buffer-atr", d.LiquidationBufferAtr),
            MinLiquidationDistance = reader.Decimal("min-liquidation-distance", d.MinLiquidationDistance),
            DailyLossResetsAtNewDay = reader.Bool("daily-loss-resets-at-new-day", d.DailyLossResetsAtNewDay),
            FlattenOnLossHalt = reader.Bool("flatten-on-loss-halt", d.FlattenOnLossHalt),
            MaxDrawdown = reader.NullableDecimal("max-drawdown", d.MaxDrawdown),
            PeakJournalStep = reader.Decimal("peak-journal-step", d.PeakJournalStep),
            CircuitBreakerSigma = reader.NullableDecimal("circuit-breaker-sigma", d.CircuitBreakerSigma),
            CircuitBreakerMove = reader.NullableDecimal("circuit-breaker-move", d.CircuitBreakerMove),
            CircuitBreakerCooldownMs = (long)reader.Duration("circuit-breaker-cooldown", TimeSpan.FromMilliseconds(d.CircuitBreakerCooldownMs)).TotalMilliseconds,
        };
        reader.RejectUnknownKeys();
        return settings;
    }

    /// <summary>Reports what the Domain refuses in <paramref name="settings"/>, one problem per key (a key already blamed is skipped).</summary>
    public static void Validate(ConfigReader reader, RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(settings);

        // The Domain counts the cool-down in milliseconds; the file writes a duration, so say it in the file's words.
        if (settings.CircuitBreakerCooldownMs <= 0)
        {
            reader.Add(KeyOf(nameof(RiskSettings.CircuitBreakerCooldownMs)), ConfigText.Format(TimeSpan.FromMilliseconds(settings.CircuitBreakerCooldownMs)), "must be a positive duration such as 15m");
        }

        reader.AddValidation(settings.Problems(), KeyOf);
    }

    /// <summary>The key of a <see cref="RiskSettings"/> property, as validation messages name it.</summary>
    public static string KeyOf(string property) => property switch
    {
        nameof(RiskSettings.CircuitBreakerCooldownMs) => "circuit-breaker-cooldown",
        _ => ConfigText.Kebab(property),
    };
}
