using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.gateway</c> into <see cref="GatewaySettings"/>.</summary>
public static class GatewaySettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.gateway";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.gateway</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static GatewaySettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static GatewaySettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = GatewaySettings.Default;
        var settings = new GatewaySettings
        {
            DeadMansSwitch = reader.Bool("dead-mans-switch", d.DeadMansSwitch),
            CountdownInterval = reader.Duration("countdown-interval", d.CountdownInterval),
            Countdown = reader.Duration("countdown", d.Countdown),
            OpenOrdersOnShutdown = reader.Enum("open-orders-on-shutdown", d.OpenOrdersOnShutdown),
            UnknownOrders = reader.Enum("unknown-orders", d.UnknownOrders),
            ClientOrderIdPrefix = reader.Text("client-order-id-prefix", d.ClientOrderIdPrefix),
            RecentFillsLookback = reader.Duration("recent-fills-lookback", d.RecentFillsLookback),
            NotPlacedMargin = reader.Duration("not-placed-margin", d.NotPlacedMargin),
            UserStreamStaleAfter = reader.Duration("user-stream-stale-after", d.UserStreamStaleAfter),
            OrderRateReportInterval = reader.Duration("order-rate-report-interval", d.OrderRateReportInterval),
            MaxConsecutiveFailures = reader.Int("max-consecutive-failures", d.MaxConsecutiveFailures),
            RetryInitialDelay = reader.Duration("retry-initial-delay", d.RetryInitialDelay),
            RetryMaxDelay = reader.Duration("retry-max-delay", d.RetryMaxDelay),
            CancelAttempts = reader.Int("cancel-attempts", d.CancelAttempts),
            StashCapacity = reader.Int("stash-capacity", d.StashCapacity),
            SnapshotEvery = reader.Int("snapshot-every", d.SnapshotEvery),
            RetainedEndedOrders = reader.Int("retained-ended-orders", d.RetainedEndedOrders),
        };
        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Validate());
        return settings;
    }
}
