using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Live;

/// <summary>
/// The simulator's market when it follows an upstream venue live instead of replaying files: the upstream's rules
/// and recent 1-minute history at start, then its public market streams (aggTrade, markPrice@1s, bookTicker, diff depth,
/// kline_1m) through the project's own client. Each event moves the market clock to the upstream's event time, goes to
/// the listeners (the trading engine fills paper orders on it), and is republished on the simulator's own streams;
/// closed minutes join the history the REST endpoints serve, and a local book kept from the diff stream answers
/// <c>depth</c>.
/// </summary>
/// <remarks>
/// <para>When the upstream drops, the client reconnects with back-off and subscribes again; meanwhile nothing is
/// published and no price moves, so the simulator's clients see their data go stale. Nothing is invented to fill the
/// gap: the book resyncs from a fresh snapshot and the market resumes with the upstream's next event.</para>
/// <para>Create with <see cref="ConnectAsync"/>, hand it to <see cref="Hosting.SimServer.CreateLive"/>; the server
/// starts and disposes it.</para>
/// </remarks>
public sealed partial class LiveMarket : IAsyncDisposable
{
    /// <summary>Upstream trades kept per symbol for the REST <c>trades</c> and <c>aggTrades</c> endpoints (their largest limit).</summary>
    public const int RecentTradeCapacity = 1_000;

    /// <summary>Levels a side of the local book the listeners get (takers meet them, then the venue's synthetic depth).</summary>
    public const int BookLevels = 20;

    private readonly LiveMarketOptions _options;
    private readonly AsterRestClient _rest;
    private readonly AsterMarketStream _stream;
    private readonly ILogger _logger;
    private readonly Dictionary<Symbol, MarketSymbol> _markets = [];
    private readonly Dictionary<Symbol, LocalOrderBook> _books = [];
    private readonly Dictionary<Symbol, BookTicker> _tickers = [];
    private readonly Dictionary<Symbol, MarkPriceUpdate> _marks = [];
    private readonly Dictionary<Symbol, Queue<SyntheticTrade>> _recentTrades = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private ILiveMarketListener[] _listeners = [];
    private MarketReplay? _replay;
    private StreamHub? _hub;
    private Task _reader = Task.CompletedTask;
    private long _eventsReceived;
    private int _subscribed;
    private int _following;

    private LiveMarket(LiveMarketOptions options, AsterRestClient rest, IReadOnlyList<MarketSymbol> symbols, ILoggerFactory loggerFactory)
    {
        _options = options;
        _rest = rest;
        _logger = loggerFactory.CreateLogger<LiveMarket>();
        Symbols = symbols;
        var streamOptions = MarketStreamOptions.For(options.ClientOptions()) with
        {
            ReconnectInitialDelay = options.ReconnectInitialDelay,
            ReconnectMaxDelay = options.ReconnectMaxDelay,
            SilenceTimeout = null,
        };
        _stream = new AsterMarketStream(streamOptions, loggerFactory);
        foreach (var market in symbols)
        {
            _markets.Add(market.Symbol, market);
            _books.Add(market.Symbol, LocalOrderBook.FromRest(rest, market.Symbol, loggerFactory: loggerFactory));
            _recentTrades.Add(market.Symbol, new Queue<SyntheticTrade>(RecentTradeCapacity));
        }
    }

    /// <summary>The served symbols with the upstream's rules and history, in the order asked for.</summary>
    public IReadOnlyList<MarketSymbol> Symbols { get; }

    /// <summary>Where the upstream is (REST), for banners and messages.</summary>
    public Uri Upstream => _options.RestBaseUrl;

    /// <summary>How many connections to the upstream's streams have been opened (1 until the first reconnect).</summary>
    public int UpstreamConnections => _stream.ConnectionsOpened;

    /// <summary>Whether the upstream's streams are connected and subscribed right now (false while it is lost).</summary>
    public bool IsFollowing => Volatile.Read(ref _following) == 1;

    /// <summary>How many market events have arrived from the upstream.</summary>
    public long EventsReceived => Interlocked.Read(ref _eventsReceived);

    /// <summary>
    /// Reads the upstream's exchangeInfo and recent closed 1-minute klines for <see cref="LiveMarketOptions.Symbols"/>;
    /// the streams are subscribed when the simulator starts.
    /// </summary>
    /// <exception cref="ArgumentException">The options are unusable; the message lists every problem.</exception>
    /// <exception cref="InvalidDataException">The upstream does not list a symbol, its rules are unusable, or it has no klines.</exception>
    /// <exception cref="HttpRequestException">The upstream cannot be reached.</exception>
    public static async Task<LiveMarket> ConnectAsync(LiveMarketOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The live market options are unusable: " + string.Join(" ", problems), nameof(options));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var rest = AsterRestClient.Create(options.ClientOptions(), loggerFactory);
        try
        {
            var info = await rest.GetExchangeInfoAsync(cancellationToken).ConfigureAwait(false);
            var specs = UpstreamInstruments.Specs(info, options.Symbols, options.RestBaseUrl);
            var serverTime = await rest.GetServerTimeAsync(cancellationToken).ConfigureAwait(false);
            var symbols = new List<MarketSymbol>(specs.Count);
            foreach (var spec in specs)
            {
                var symbol = spec.Instrument.Symbol;
                var bars = await UpstreamHistory.LoadClosedAsync(rest, symbol, options.HistoryBars, serverTime, cancellationToken).ConfigureAwait(false);
                if (bars.Count == 0)
                {
                    throw new InvalidDataException($"The upstream {options.RestBaseUrl} has no closed 1-minute klines of {symbol}; it cannot be followed live.");
                }

                symbols.Add(new MarketSymbol(spec, new SymbolSeries(symbol, bars), symbols.Count));
            }

            return new LiveMarket(options, rest, symbols, loggerFactory);
        }
        catch
        {
            rest.Dispose();
            throw;
        }
    }

    /// <summary>Adds a listener; call before the simulator starts.</summary>
    public void Listen(ILiveMarketListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            // Copy on write: the reader enumerates the array it read, without a lock or an allocation per event.
            _listeners = [.. _listeners, listener];
        }
    }

    /// <summary>Removes a listener.</summary>
    public void Unlisten(ILiveMarketListener listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => l != listener)];
        }
    }

    /// <summary>Stops following the upstream and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var book in _books.Values)
        {
            book.Dispose();
        }

        _rest.Dispose();
        _stop.Dispose();
    }

    /// <summary>Starts following: connects, subscribes every symbol's streams and feeds <paramref name="replay"/> and <paramref name="hub"/>.</summary>
    internal void Start(MarketReplay replay, StreamHub hub)
    {
        _replay = replay;
        _hub = hub;
        _stream.Start();
        _reader = Task.Run(() => ReadAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>The upstream's last best bid and ask of <paramref name="symbol"/>, if one arrived.</summary>
    internal BookTicker? BookTickerOf(Symbol symbol)
    {
        lock (_gate)
        {
            return _tickers.TryGetValue(symbol, out var ticker) ? ticker : null;
        }
    }

    /// <summary>The upstream's last mark price of <paramref name="symbol"/>, if one arrived.</summary>
    internal MarkPriceUpdate? MarkOf(Symbol symbol)
    {
        lock (_gate)
        {
            return _marks.TryGetValue(symbol, out var mark) ? mark : null;
        }
    }

    /// <summary>The upstream's last <see cref="RecentTradeCapacity"/> aggregate trades of <paramref name="symbol"/>, oldest first.</summary>
    internal SyntheticTrade[] RecentTrades(Symbol symbol)
    {
        lock (_gate)
        {
            return [.. _recentTrades[symbol]];
        }
    }

    /// <summary>The top <paramref name="levels"/> of the local book kept from the upstream's diff stream, with its update id.</summary>
    internal (long LastUpdateId, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks) Depth(Symbol symbol, int levels) =>
        _books[symbol].Read(book => (book.LastUpdateId, book.TopLevels(BookSide.Bid, levels), book.TopLevels(BookSide.Ask, levels)));

    private static IEnumerable<string> StreamsOf(Symbol symbol) =>
    [
        StreamNames.AggTrade(symbol),
        StreamNames.MarkPrice(symbol, everySecond: true),
        StreamNames.BookTicker(symbol),
        StreamNames.Depth(symbol),
        StreamNames.Kline(symbol, KlineInterval.OneMinute),
    ];

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stream.SubscribeAsync(_markets.Keys.SelectMany(StreamsOf), cancellationToken).ConfigureAwait(false);

            // A minute that closed between loading the history and subscribing reached neither.
            await BackfillAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _subscribed, 1);
            Volatile.Write(ref _following, 1);
            await foreach (var streamEvent in _stream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    if (streamEvent is StreamConnected { Reason: StreamConnectReason.Reconnect })
                    {
                        // Before the reconnected streams' first event, so the minutes come in order.
                        await BackfillAsync(cancellationToken).ConfigureAwait(false);
                    }

                    Handle(streamEvent);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // One bad event (a price the venue refuses, say) must not stop the market.
                    Log.EventSkipped(_logger, streamEvent.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is AsterStreamException or InvalidOperationException)
        {
            Log.SubscriptionFailed(_logger, _options.WebSocketBaseUrl.Host, e.Message);
        }
    }

    /// <summary>
    /// The minutes that closed while the upstream's streams were not heard (unreachable, or not yet subscribed at
    /// start), from its REST klines: appended and published to the
    /// simulator's kline subscribers (they hear them late, but in order and before the next live minute). Prices and
    /// the venue do not move on them: no trade is invented for a time nobody could trade.
    /// </summary>
    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        try
        {
            var serverTime = await _rest.GetServerTimeAsync(cancellationToken).ConfigureAwait(false);
            foreach (var market in Symbols)
            {
                var after = market.Series.LastOpenMs + SymbolSeries.BarMs;
                var missed = await _rest.GetKlinesAsync(
                    market.Symbol, KlineInterval.OneMinute, startTimeMs: after, limit: LiveMarketOptions.MaxKlinesPerRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var kline in missed)
                {
                    if (kline.CloseTime < serverTime && _replay!.AppendLive(market, kline.ToKline()))
                    {
                        var update = new KlineUpdate(market.Symbol, KlineInterval.OneMinute, kline.ToKline(), true, kline.CloseTime, kline.TakerBuyBaseVolume, kline.TakerBuyQuoteVolume);
                        _hub!.PublishLive(market, StreamKind.Kline, LivePayloads.Kline(market, update, kline.CloseTime + 1));
                    }
                }

                Log.Backfilled(_logger, market.Symbol.Value, missed.Count);
            }
        }
        catch (Exception e) when (e is HttpRequestException or Errors.AsterApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.BackfillFailed(_logger, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Live market: skipped an upstream {Event}: {Reason}")]
        public static partial void EventSkipped(ILogger logger, string @event, string reason);

        [LoggerMessage(2, LogLevel.Error, "Live market: the upstream {Host} refused the market streams; the market stays silent: {Reason}")]
        public static partial void SubscriptionFailed(ILogger logger, string host, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Live market: the upstream's streams were lost ({Reason}); reconnecting in {RetryIn}, the market is silent meanwhile")]
        public static partial void Disconnected(ILogger logger, string reason, TimeSpan retryIn);

        [LoggerMessage(4, LogLevel.Information, "Live market: connected to the upstream's streams (connection {Connection}, {Reason})")]
        public static partial void Connected(ILogger logger, int connection, StreamConnectReason reason);

        [LoggerMessage(5, LogLevel.Information, "Live market: {Symbol}: {Count} kline(s) fetched for the minutes missed while the upstream was unreachable")]
        public static partial void Backfilled(ILogger logger, string symbol, int count);

        [LoggerMessage(6, LogLevel.Warning, "Live market: the minutes missed while the upstream was unreachable could not be fetched; the klines have a gap: {Reason}")]
        public static partial void BackfillFailed(ILogger logger, string reason);
    }
}
