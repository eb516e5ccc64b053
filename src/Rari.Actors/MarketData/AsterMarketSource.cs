using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Rari.Aster.Streams;

namespace Rari.Actors.MarketData;

/// <summary>
/// Aster's market streams as an Akka.Streams <see cref="Source{TOut, TMat}"/>: an <see cref="AsterMarketStream"/> (which
/// reconnects, renews its connection before 24 hours and skips malformed messages itself) wrapped in
/// <see cref="RestartSource.WithBackoff{T, TMat}(Func{Source{T, TMat}}, RestartSettings)"/>, so a stream that fails or
/// ends is rebuilt with backoff and subscribed again, and a kill switch to stop it.
/// </summary>
/// <remarks>
/// The materialized <see cref="MarketSourceControl"/> subscribes and unsubscribes at run time and shuts the source down.
/// The subscriptions belong to the source, not to one connection: every stream built for it, now or after a restart,
/// carries them. Materialize it once; a second materialization opens its own connection with the same subscriptions.
/// </remarks>
public static class AsterMarketSource
{
    /// <summary>A source over new <see cref="AsterMarketStream"/>s with <paramref name="options"/>.</summary>
    /// <param name="options">Where to connect and how (validated here, so a bad option fails at once, not in every restart).</param>
    /// <param name="streams">The streams to subscribe from the start (names from <see cref="StreamNames"/>); may be empty.</param>
    /// <param name="restart">The backoff for rebuilding the stream; 0.5 s to 30 s with 20 % jitter when null.</param>
    /// <param name="loggerFactory">Where the client logs connection changes and skipped messages.</param>
    /// <param name="time">The client's clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="log">Where failures and restarts of the stream are logged.</param>
    /// <exception cref="ArgumentException">The options are unusable or a stream name is malformed.</exception>
    public static Source<MarketStreamEvent, MarketSourceControl> Create(
        MarketStreamOptions options,
        IEnumerable<string> streams,
        RestartSettings? restart = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? time = null,
        ILoggingAdapter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Create(() => new AsterMarketStream(options, loggerFactory, time), streams, restart, log);
    }

    /// <summary>A source over the streams <paramref name="streamFactory"/> makes (a new, unstarted one per call).</summary>
    /// <param name="streamFactory">Makes an unstarted stream; called again after each failure.</param>
    /// <param name="streams">The streams to subscribe from the start; may be empty.</param>
    /// <param name="restart">The backoff for rebuilding the stream; 0.5 s to 30 s with 20 % jitter when null.</param>
    /// <param name="log">Where failures and restarts of the stream are logged.</param>
    /// <exception cref="ArgumentException">A stream name is malformed.</exception>
    public static Source<MarketStreamEvent, MarketSourceControl> Create(
        Func<AsterMarketStream> streamFactory,
        IEnumerable<string> streams,
        RestartSettings? restart = null,
        ILoggingAdapter? log = null)
    {
        ArgumentNullException.ThrowIfNull(streamFactory);
        ArgumentNullException.ThrowIfNull(streams);
        var subscriptions = new MarketSubscriptions(MarketSubscriptions.Checked(streams), log ?? NoLogger.Instance);
        var backoff = restart ?? RestartSettings.Create(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 0.2);
        return RestartSource.WithBackoff(() => subscriptions.Connection(streamFactory), backoff)
            .ViaMaterialized(KillSwitches.Single<MarketStreamEvent>(), Keep.Right)
            .MapMaterializedValue(killSwitch => new MarketSourceControl(subscriptions, killSwitch));
    }
}

/// <summary>
/// The handle a materialized <see cref="AsterMarketSource"/> gives: change the subscriptions at run time, stop the
/// source. Thread-safe.
/// </summary>
public sealed class MarketSourceControl
{
    private readonly MarketSubscriptions _subscriptions;
    private readonly UniqueKillSwitch _killSwitch;

    internal MarketSourceControl(MarketSubscriptions subscriptions, UniqueKillSwitch killSwitch)
    {
        _subscriptions = subscriptions;
        _killSwitch = killSwitch;
    }

    /// <summary>The streams the source carries (or will, once connected), in subscription order.</summary>
    public IReadOnlyList<string> Streams => _subscriptions.Streams;

    /// <summary>How many <see cref="AsterMarketStream"/>s were built so far: 1, plus one per restart after a failure.</summary>
    public int StreamsBuilt => _subscriptions.StreamsBuilt;

    /// <summary>
    /// Subscribes <paramref name="streams"/> (already subscribed ones are skipped) and completes when the venue
    /// acknowledged them. Before the source runs, or while its stream is being rebuilt, it waits for the stream; cancel
    /// through <paramref name="cancellationToken"/> to stop waiting.
    /// </summary>
    /// <exception cref="ArgumentException">A name is malformed.</exception>
    /// <exception cref="AsterStreamException">The venue refused (e.g. an unknown symbol); the names are not kept.</exception>
    /// <exception cref="InvalidOperationException">The connection would carry more streams than Aster allows; the names are not kept.</exception>
    public Task SubscribeAsync(IEnumerable<string> streams, CancellationToken cancellationToken = default) =>
        _subscriptions.SubscribeAsync(MarketSubscriptions.Checked(streams), cancellationToken);

    /// <summary>Unsubscribes <paramref name="streams"/> (names not subscribed are ignored) and waits for the acknowledgement.</summary>
    /// <exception cref="AsterStreamException">The venue refused; the names are dropped all the same.</exception>
    public Task UnsubscribeAsync(IEnumerable<string> streams, CancellationToken cancellationToken = default) =>
        _subscriptions.UnsubscribeAsync(MarketSubscriptions.Checked(streams), cancellationToken);

    /// <summary>Completes the source: the connection closes and nothing is rebuilt.</summary>
    public void Shutdown() => _killSwitch.Shutdown();

    /// <summary>Fails the source with <paramref name="reason"/>: the connection closes and nothing is rebuilt.</summary>
    public void Abort(Exception reason) => _killSwitch.Abort(reason);
}
