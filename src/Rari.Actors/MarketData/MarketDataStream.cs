using Akka.Actor;
using Akka.Event;
using Microsoft.Extensions.Logging;
using Rari.Actors.Settings;
using Rari.Aster.Rest;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;

namespace Rari.Actors.MarketData;

/// <summary>
/// The node's market-data stream (one per node): an Akka.Streams graph from Aster's market WebSocket
/// (<see cref="AsterMarketSource"/>) that maps payloads to the protocol — closed 1-minute klines to
/// <see cref="KlineClosed"/>, book tickers to <see cref="BookTickerChanged"/>, 1-second mark prices to
/// <see cref="MarkPriceChanged"/> — conflates book tickers and mark prices per symbol (<see cref="SymbolConflation"/>;
/// klines are never dropped or reordered), and tells them to the symbols' shard region. It watches each symbol for
/// silence (<see cref="MarketDataStale"/>, then <see cref="MarketDataResumed"/>), optionally keeps local order books
/// (<see cref="OrderBookChanged"/>), and after a lost connection fills the klines it missed from REST.
/// </summary>
/// <remarks>
/// <para>Handles <see cref="SubscribeSymbols"/> (answered with <see cref="SymbolsSubscribed"/>),
/// <see cref="UnsubscribeSymbols"/> (<see cref="SymbolsUnsubscribed"/>) and <see cref="GetMarketDataStatus"/>
/// (<see cref="MarketDataStatus"/>); all are idempotent.</para>
/// <para>The graph ends in this actor with acknowledgements (back-pressure), so all state is touched on the actor's
/// thread. It hands over <see cref="MarketDataBatch"/>es — everything that was ready when the previous one was
/// acknowledged, up to <see cref="MaxBatch"/> — which the actor handles in order with one acknowledgement each.
/// Malformed payloads are skipped by the client and a failing mapping skips its element; a failing stream is rebuilt
/// with backoff. Should the graph itself end, the actor fails, and its restart subscribes the same symbols again.</para>
/// </remarks>
public sealed partial class MarketDataStream : ReceiveActor, IWithTimers
{
    private const string StalenessTimer = "staleness";
    private readonly MarketDataSettings _settings;
    private readonly Func<AsterMarketStream> _streamFactory;
    private readonly IActorRef _symbols;
    private readonly TimeProvider _time;
    private readonly Func<Symbol, LocalOrderBook>? _bookFactory;
    private readonly IKlineHistory? _history;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<Symbol, SymbolFeed> _feeds = [];
    private MarketSourceControl? _control;
    private bool _connected;
    private int _connections;
    private long _disconnectedAtMs;

    /// <summary>Creates the actor; use <see cref="Props(MarketDataSettings, Func{AsterMarketStream}, IActorRef, TimeProvider, Func{Symbol, LocalOrderBook}?, IKlineHistory?)"/>.</summary>
    public MarketDataStream(
        MarketDataSettings settings,
        Func<AsterMarketStream> streamFactory,
        IActorRef symbols,
        TimeProvider time,
        Func<Symbol, LocalOrderBook>? bookFactory,
        IKlineHistory? history)
    {
        _settings = settings;
        _streamFactory = streamFactory;
        _symbols = symbols;
        _time = time;
        _bookFactory = bookFactory;
        _history = history;
        Streaming();
    }

    /// <summary>The timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the actor over streams made by <paramref name="streamFactory"/>.</summary>
    /// <param name="settings">The <c>rari.market-data</c> settings.</param>
    /// <param name="streamFactory">Makes a new, unstarted market stream (called again after a failure); apply
    /// <see cref="MarketDataSettings.ApplyTo"/> to its options.</param>
    /// <param name="symbols">The symbols' shard region: every message it gets is <see cref="IWithSymbol"/>.</param>
    /// <param name="time">The wall clock for staleness and receive times.</param>
    /// <param name="bookFactory">Makes a symbol's local order book; required when <see cref="MarketDataSettings.OrderBooks"/> is on.</param>
    /// <param name="history">Fills klines missed while the connection was down; null leaves the gap.</param>
    /// <exception cref="ArgumentException">The settings are invalid, or order books are on without a book factory.</exception>
    public static Props Props(
        MarketDataSettings settings,
        Func<AsterMarketStream> streamFactory,
        IActorRef symbols,
        TimeProvider time,
        Func<Symbol, LocalOrderBook>? bookFactory = null,
        IKlineHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(streamFactory);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(time);
        if (settings.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("The market-data settings are invalid: " + string.Join("; ", problems), nameof(settings));
        }

        if (settings.OrderBooks && bookFactory is null)
        {
            throw new ArgumentException("Order books are on (rari.market-data.order-books) but no book factory was given.", nameof(bookFactory));
        }

        return Akka.Actor.Props.Create(() => new MarketDataStream(settings, streamFactory, symbols, time, bookFactory, history));
    }

    /// <summary>
    /// Props for the actor on Aster (or the simulator): streams with <paramref name="streamOptions"/>' address and the
    /// settings' timings, order-book snapshots and missed klines from <paramref name="rest"/>.
    /// </summary>
    /// <param name="settings">The <c>rari.market-data</c> settings.</param>
    /// <param name="streamOptions">Where the market streams are (e.g. <see cref="MarketStreamOptions.For"/>).</param>
    /// <param name="symbols">The symbols' shard region.</param>
    /// <param name="time">The wall clock.</param>
    /// <param name="rest">The REST client for depth snapshots and klines.</param>
    /// <param name="loggerFactory">Where the client logs connection changes and skipped messages.</param>
    /// <exception cref="ArgumentException">The settings or options are invalid.</exception>
    public static Props Props(
        MarketDataSettings settings, MarketStreamOptions streamOptions, IActorRef symbols, TimeProvider time, AsterRestClient rest, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(streamOptions);
        ArgumentNullException.ThrowIfNull(rest);
        var options = settings.ApplyTo(streamOptions);
        options.Validate();
        Func<Symbol, LocalOrderBook>? books = settings.OrderBooks ? symbol => LocalOrderBook.FromRest(rest, symbol, 1000, loggerFactory, time) : null;
        return Props(settings, () => new AsterMarketStream(options, loggerFactory, time), symbols, time, books, new AsterKlineHistory(rest));
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Streaming()
    {
        Receive<StreamInit>(_ => Sender.Tell(StreamAck.Instance));
        Receive<MarketDataBatch>(batch =>
        {
            OnBatch(batch);
            Sender.Tell(StreamAck.Instance);
        });
        Receive<StreamCompleted>(_ => throw new InvalidOperationException("The market-data graph ended; restarting the market-data stream."));
        Receive<StreamFailed>(failed => throw new InvalidOperationException("The market-data graph failed; restarting the market-data stream.", failed.Cause));
        Receive<CheckStaleness>(_ => CheckStale());
        Receive<SubscribeSymbols>(subscribe => Subscribe(subscribe.Symbols, Sender));
        Receive<SubscribeCompleted>(OnSubscribed);
        Receive<UnsubscribeSymbols>(unsubscribe => Unsubscribe(unsubscribe.Symbols, Sender));
        Receive<UnsubscribeCompleted>(OnUnsubscribed);
        Receive<GetMarketDataStatus>(_ => Sender.Tell(Status()));
        Receive<BackfillLoaded>(OnBackfill);
    }

    // One element of a batch, in the batch's order; nowMs is when the batch arrived.
    private void OnElement(object element, long nowMs)
    {
        switch (element)
        {
            case KlineClosed kline:
                OnKline(kline, nowMs);
                break;
            case BookTickerChanged ticker:
                OnTouch(ticker.Symbol, ticker, nowMs);
                break;
            case MarkPriceChanged mark:
                OnTouch(mark.Symbol, mark, nowMs);
                break;
            case FeedSeen seen:
                OnTouch(seen.Symbol, null, nowMs);
                break;
            case MarketData<Rari.Domain.Market.DepthUpdate> depth:
                OnDepth(depth.Data, nowMs);
                break;
            case MarketStreamEvent connection:
                OnConnection(connection);
                break;
        }
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _control = RunGraph();
        var every = TimeSpan.FromTicks(Math.Clamp(_settings.StalenessLimit.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(5).Ticks));
        Timers.StartPeriodicTimer(StalenessTimer, CheckStaleness.Instance, every);
    }

    /// <inheritdoc />
    protected override void PreRestart(Exception reason, object message)
    {
        // The next incarnation starts with no symbols; hand them over so the node need not send them again.
        if (_feeds.Count > 0)
        {
            Self.Tell(new SubscribeSymbols([.. _feeds.Keys]), ActorRefs.Nobody);
        }

        base.PreRestart(reason, message);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _control?.Shutdown();
        foreach (var feed in _feeds.Values)
        {
            feed.Book?.Dispose();
        }

        _feeds.Clear();
        base.PostStop();
    }

    private MarketDataStatus Status()
    {
        var symbols = new Dictionary<Symbol, SymbolFeedStatus>(_feeds.Count);
        foreach (var (symbol, feed) in _feeds)
        {
            symbols[symbol] = new SymbolFeedStatus(feed.LastEventAtMs, feed.Events, feed.IsStale);
        }

        return new MarketDataStatus(_connected, _connections, symbols);
    }

    /// <summary>The graph is ready for its first element.</summary>
    private sealed record StreamInit
    {
        public static StreamInit Instance { get; } = new();
    }

    /// <summary>This actor is ready for the next element.</summary>
    private sealed record StreamAck
    {
        public static StreamAck Instance { get; } = new();
    }

    /// <summary>The graph completed (only the kill switch completes it).</summary>
    private sealed record StreamCompleted
    {
        public static StreamCompleted Instance { get; } = new();
    }

    private sealed record StreamFailed(Exception Cause);

    private sealed record CheckStaleness
    {
        public static CheckStaleness Instance { get; } = new();
    }
}
