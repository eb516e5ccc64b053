using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.strategy-actors</c> into <see cref="StrategyActorSettings"/>; keys are the properties in kebab case.</summary>
public static class StrategyActorSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.strategy-actors";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.strategy-actors</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static StrategyActorSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there; the defaults stand in for bad keys.</summary>
    public static StrategyActorSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = StrategyActorSettings.Default;
        var settings = new StrategyActorSettings
        {
            WarmUpBars = reader.Int("warm-up-bars", d.WarmUpBars),
            WarmUpTimeout = reader.Duration("warm-up-timeout", d.WarmUpTimeout),
            WarmUpAttempts = reader.Int("warm-up-attempts", d.WarmUpAttempts),
            InputBuffer = reader.Int("input-buffer", d.InputBuffer),
            SnapshotEvery = reader.Int("snapshot-every", d.SnapshotEvery),
            OrderSyncInterval = reader.Duration("order-sync-interval", d.OrderSyncInterval),
            OrderSyncTimeout = reader.Duration("order-sync-timeout", d.OrderSyncTimeout),
            RetryBackoffMin = reader.Duration("retry-backoff-min", d.RetryBackoffMin),
            RetryBackoffMax = reader.Duration("retry-backoff-max", d.RetryBackoffMax),
            RestartBackoffMin = reader.Duration("restart-backoff-min", d.RestartBackoffMin),
            RestartBackoffMax = reader.Duration("restart-backoff-max", d.RestartBackoffMax),
            RestartRandomFactor = reader.Double("restart-random-factor", d.RestartRandomFactor),
            MaxFailures = reader.Int("max-failures", d.MaxFailures),
            FailureWindow = reader.Duration("failure-window", d.FailureWindow),
            AskTimeout = reader.Duration("ask-timeout", d.AskTimeout),
            ReturnWindow = reader.Int("return-window", d.ReturnWindow),
            VolatilityWindow = reader.Int("volatility-window", d.VolatilityWindow),
            AtrPeriod = reader.Int("atr-period", d.AtrPeriod),
            BookToRiskGateInterval = reader.Duration("book-to-risk-gate-interval", d.BookToRiskGateInterval),
        };
        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Validate());
        return settings;
    }
}
