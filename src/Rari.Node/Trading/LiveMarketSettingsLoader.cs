using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Aster.Sim.Live;

namespace Rari.Node.Trading;

/// <summary>
/// Reads <c>rari.live-market</c>, the upstream a simulator follows with <c>--market live</c> (<c>rari run … --test
/// --market live</c>, <c>rari sim --market live</c>), into <see cref="LiveMarketOptions"/> without symbols (the command
/// line or <c>rari.assets</c> give them).
/// </summary>
public static class LiveMarketSettingsLoader
{
    /// <summary>The block's name under <c>rari</c>.</summary>
    public const string Block = "live-market";

    /// <summary>The block's path.</summary>
    public const string Path = "rari." + Block;

    /// <summary>Reads the block from the whole configuration <paramref name="root"/> (a missing block: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static LiveMarketOptions Create(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var reader = new ConfigReader(root.HasPath(Path) ? root.GetConfig(Path) : null, Path);
        var options = Read(reader);
        reader.ThrowIfAny();
        return options;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static LiveMarketOptions Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = new LiveMarketOptions();
        var rest = Url(reader, "rest-url", d.RestBaseUrl, "http", "https");
        var webSocket = Url(reader, "websocket-url", d.WebSocketBaseUrl, "ws", "wss");
        var options = new LiveMarketOptions
        {
            RestBaseUrl = rest,
            WebSocketBaseUrl = webSocket,
            HistoryBars = reader.Int("history-bars", d.HistoryBars),
            ReconnectInitialDelay = reader.Duration("reconnect-min-backoff", d.ReconnectInitialDelay),
            ReconnectMaxDelay = reader.Duration("reconnect-max-backoff", d.ReconnectMaxDelay),
        };
        reader.RejectUnknownKeys();
        if (options.HistoryBars < 1)
        {
            reader.Add("history-bars", options.HistoryBars.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 1 or more");
        }

        if (options.ReconnectInitialDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectInitialDelay)
        {
            reader.Add("reconnect-max-backoff", ConfigText.Format(options.ReconnectMaxDelay), "the waits must be positive and reconnect-max-backoff at least reconnect-min-backoff");
        }

        return options;
    }

    private static Uri Url(ConfigReader reader, string key, Uri fallback, params string[] schemes)
    {
        var text = reader.Text(key, fallback.ToString());
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme))
        {
            return url;
        }

        reader.Add(key, text, $"must be an absolute {string.Join(" or ", schemes.Select(s => s + "://"))} URL");
        return fallback;
    }
}
