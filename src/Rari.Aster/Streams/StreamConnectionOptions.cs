using System.Globalization;
using Rari.Aster.Rest;

namespace Rari.Aster.Streams;

/// <summary>
/// How a stream connection is opened, kept alive, reconnected and renewed; shared by <see cref="MarketStreamOptions"/>
/// and <see cref="UserStreamOptions"/>. The defaults follow Aster's rules (fact sheet §4.1).
/// </summary>
public abstract record StreamConnectionOptions
{
    /// <summary>The WebSocket base URL, e.g. <c>wss://fstream.asterdex.com</c> or a simulator's <c>ws://127.0.0.1:PORT</c>.</summary>
    public Uri WebSocketBaseUrl { get; init; } = AsterClientOptions.MainnetWebSocketUrl;

    /// <summary>How long the WebSocket handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first reconnection attempt (before jitter); it doubles with each failed attempt.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest fraction taken off each reconnection wait at random, 0 to 1.</summary>
    public double ReconnectJitter { get; init; } = 0.5;

    /// <summary>Seeds the jitter, so a run can be reproduced.</summary>
    public int ReconnectSeed { get; init; } = 20_250_506;

    /// <summary>
    /// Age at which a connection is replaced make-before-break. Aster closes connections after 24 hours; the default
    /// leaves an hour of margin. Null never replaces a connection by plan.
    /// </summary>
    public TimeSpan? MaxConnectionAge { get; init; } = TimeSpan.FromHours(23);

    /// <summary>During a planned switch, how long the old connection may keep delivering after the new one's first message.</summary>
    public TimeSpan SwitchOverGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>During a planned switch, how long to wait for the new connection's first message before trying again later.</summary>
    public TimeSpan SwitchOverTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the client sends its own keep-alive ping (the venue pings every 5 minutes too, and the client answers
    /// those automatically); zero sends none.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the venue's pong to our ping before the connection is declared dead and replaced.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most messages the client sends per rolling second on one connection. Aster disconnects above 10; the default
    /// keeps half that, so network jitter can never bunch our messages over the limit.
    /// </summary>
    public int MaxMessagesPerSecond { get; init; } = 5;

    /// <summary>The largest message accepted; a bigger one closes the connection.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How many characters of a skipped (malformed or unexpected) message are logged.</summary>
    public int MaxLoggedChars { get; init; } = 500;

    /// <summary>How many parsed events may wait for the consumer before the connection stops reading (back-pressure).</summary>
    public int EventBufferCapacity { get; init; } = 10_000;

    /// <summary>Every problem with these options, one sentence each naming the field; empty when they are usable.</summary>
    public virtual IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WebSocketBaseUrl is null || !WebSocketBaseUrl.IsAbsoluteUri || WebSocketBaseUrl.Scheme is not ("ws" or "wss"))
        {
            problems.Add($"WebSocketBaseUrl {WebSocketBaseUrl} must be an absolute ws:// or wss:// URL.");
        }

        Positive(problems, nameof(ConnectTimeout), ConnectTimeout);
        Positive(problems, nameof(ReconnectInitialDelay), ReconnectInitialDelay);
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            problems.Add(Text($"ReconnectMaxDelay {ReconnectMaxDelay} is shorter than ReconnectInitialDelay {ReconnectInitialDelay}."));
        }

        if (double.IsNaN(ReconnectJitter) || ReconnectJitter is < 0 or > 1)
        {
            problems.Add(Text($"ReconnectJitter is {ReconnectJitter}; use a fraction from 0 to 1."));
        }

        if (MaxConnectionAge is { } age && age <= TimeSpan.Zero)
        {
            problems.Add(Text($"MaxConnectionAge is {age}; it must be positive, or null to never switch by plan."));
        }

        Positive(problems, nameof(SwitchOverGrace), SwitchOverGrace);
        Positive(problems, nameof(SwitchOverTimeout), SwitchOverTimeout);
        if (KeepAliveInterval < TimeSpan.Zero)
        {
            problems.Add(Text($"KeepAliveInterval is {KeepAliveInterval}; it must not be negative (zero sends no pings)."));
        }

        if (KeepAliveTimeout <= TimeSpan.Zero && KeepAliveTimeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add(Text($"KeepAliveTimeout is {KeepAliveTimeout}; it must be positive, or infinite to send pongs only."));
        }

        if (MaxMessagesPerSecond is < 1 or > 10)
        {
            problems.Add(Text($"MaxMessagesPerSecond is {MaxMessagesPerSecond}; Aster disconnects above 10, so use 1 to 10."));
        }

        if (MaxMessageBytes < 1024)
        {
            problems.Add(Text($"MaxMessageBytes is {MaxMessageBytes}; allow at least 1024."));
        }

        if (MaxLoggedChars < 0)
        {
            problems.Add(Text($"MaxLoggedChars is {MaxLoggedChars}; it must not be negative."));
        }

        if (EventBufferCapacity < 1)
        {
            problems.Add(Text($"EventBufferCapacity is {EventBufferCapacity}; it must be at least 1."));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds anything.</summary>
    /// <exception cref="ArgumentException">The options are unusable; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"{GetType().Name} are unusable: {string.Join(" ", problems)}");
        }
    }

    /// <summary>A URL under <see cref="WebSocketBaseUrl"/>, keeping any path prefix it has (<c>/fstream</c>).</summary>
    internal Uri Endpoint(string relativePath) =>
        new(WebSocketBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relativePath.TrimStart('/'));

    internal StreamSessionSettings SessionSettings(string name) => new(
        name,
        new StreamSocketSettings(ConnectTimeout, KeepAliveInterval, KeepAliveTimeout, MaxMessagesPerSecond, MaxMessageBytes),
        new ReconnectBackoff(ReconnectInitialDelay, ReconnectMaxDelay, ReconnectJitter, ReconnectSeed),
        MaxConnectionAge,
        SwitchOverGrace,
        SwitchOverTimeout,
        MaxLoggedChars);

    /// <summary>Adds a problem when <paramref name="value"/> is not positive.</summary>
    protected static void Positive(List<string> problems, string name, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value <= TimeSpan.Zero)
        {
            problems.Add(Text($"{name} is {value}; it must be positive."));
        }
    }

    /// <summary>Formats with the invariant culture.</summary>
    protected static string Text(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Settings of an <see cref="AsterMarketStream"/>.</summary>
public sealed record MarketStreamOptions : StreamConnectionOptions
{
    /// <summary>Most streams on one connection (Aster: 200); more are refused before anything is sent.</summary>
    public int MaxStreams { get; init; } = 200;

    /// <summary>How long a SUBSCRIBE, UNSUBSCRIBE or LIST_SUBSCRIPTIONS may wait for its answer before the connection is replaced.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a subscribed stream may deliver nothing before a <see cref="StreamSilent"/> is reported; null turns the
    /// watchdog off. Pick it above the slowest stream's period (mark price: 3 s).
    /// </summary>
    public TimeSpan? SilenceTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Options for <paramref name="client"/>'s WebSocket host.</summary>
    public static MarketStreamOptions For(AsterClientOptions client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new MarketStreamOptions { WebSocketBaseUrl = client.WebSocketBaseUrl };
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(base.Problems());
        if (MaxStreams is < 1 or > 200)
        {
            problems.Add(Text($"MaxStreams is {MaxStreams}; Aster allows 1 to 200 per connection."));
        }

        Positive(problems, nameof(RequestTimeout), RequestTimeout);
        if (SilenceTimeout is { } silence && silence <= TimeSpan.Zero)
        {
            problems.Add(Text($"SilenceTimeout is {silence}; it must be positive, or null to turn the watchdog off."));
        }

        return problems;
    }
}
