using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.market-data</c> into <see cref="MarketDataSettings"/>; keys are the properties in kebab case.</summary>
/// <remarks>The optional streams sit in a nested block: <c>streams { book-ticker, mark-price }</c>.</remarks>
public static class MarketDataSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.market-data";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.market-data</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static MarketDataSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static MarketDataSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = MarketDataSettings.Default;
        var streams = reader.Child("streams");
        var settings = new MarketDataSettings
        {
            StalenessLimit = reader.Duration("staleness-limit", d.StalenessLimit),
            ReconnectMinBackoff = reader.Duration("reconnect-min-backoff", d.ReconnectMinBackoff),
            ReconnectMaxBackoff = reader.Duration("reconnect-max-backoff", d.ReconnectMaxBackoff),
            PlannedReconnectAfter = reader.Duration("planned-reconnect-after", d.PlannedReconnectAfter),
            ConflationInterval = reader.Duration("conflation-interval", d.ConflationInterval),
            BookTicker = streams.Bool("book-ticker", d.BookTicker),
            MarkPrice = streams.Bool("mark-price", d.MarkPrice),
            OrderBooks = reader.Bool("order-books", d.OrderBooks),
            OrderBookLevels = reader.Int("order-book-levels", d.OrderBookLevels),
        };
        streams.RejectUnknownKeys();
        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Validate());
        return settings;
    }
}
