using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Streams;

/// <summary>
/// Everything an <see cref="AsterMarketStream"/> delivers: market data (<see cref="MarketData{T}"/>) and what happens
/// to the connection (<see cref="StreamConnected"/>, <see cref="StreamDisconnected"/>, <see cref="StreamSilent"/>,
/// <see cref="StreamResumed"/>, <see cref="SubscriptionDropped"/>).
/// </summary>
public abstract record MarketStreamEvent;

/// <summary>
/// One market-data payload, parsed into the domain's type: <see cref="KlineUpdate"/> (<c>kline</c>),
/// <see cref="Trade"/> (<c>aggTrade</c>), <see cref="BookTicker"/> (<c>bookTicker</c>), <see cref="MarkPriceUpdate"/>
/// (<c>markPriceUpdate</c>), <see cref="DepthUpdate"/> (diff <c>depthUpdate</c>), <see cref="DepthSnapshot"/>
/// (partial <c>depthN</c>), <see cref="Ticker24Hour"/> (<c>24hrTicker</c>) or <see cref="MiniTicker24Hour"/>
/// (<c>24hrMiniTicker</c>).
/// </summary>
/// <remarks>
/// An all-symbol stream (<c>!markPrice@arr</c>…) yields one event per array element, each with the array's stream name.
/// </remarks>
/// <typeparam name="T">The domain type.</typeparam>
/// <param name="Stream">The stream it came on, e.g. <c>btcusdt@aggTrade</c>; empty when the venue sent it unwrapped.</param>
/// <param name="Data">The payload.</param>
/// <param name="EventTimeMs">The venue's event time <c>E</c>, UTC epoch ms.</param>
public sealed record MarketData<T>(string Stream, T Data, long EventTimeMs) : MarketStreamEvent;

/// <summary>A kline update: the bar so far (or final, when <see cref="IsClosed"/>) of one interval.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Interval">The bar length (<c>k.i</c>).</param>
/// <param name="Kline">The bar (<c>k.t</c>, <c>o h l c v q n</c>).</param>
/// <param name="IsClosed">Whether the bar is final (<c>k.x</c>); earlier updates of the same bar are provisional.</param>
/// <param name="CloseTimeMs">The bar's close time (<c>k.T</c>), UTC epoch ms.</param>
/// <param name="TakerBuyVolume">Base volume bought by takers (<c>k.V</c>).</param>
/// <param name="TakerBuyQuoteVolume">Quote volume bought by takers (<c>k.Q</c>).</param>
public sealed record KlineUpdate(
    Symbol Symbol,
    KlineInterval Interval,
    Kline Kline,
    bool IsClosed,
    long CloseTimeMs,
    decimal TakerBuyVolume,
    decimal TakerBuyQuoteVolume);

/// <summary>Why a connection was opened.</summary>
public enum StreamConnectReason
{
    /// <summary>The first connection.</summary>
    Initial = 1,

    /// <summary>A new connection after the previous one was lost: events in between are missing (resync books, reconcile).</summary>
    Reconnect = 2,

    /// <summary>
    /// A planned make-before-break switch before the venue's 24-hour limit: the new connection was subscribed before
    /// the old one closed, so nothing is missing.
    /// </summary>
    Planned = 3,
}

/// <summary>A connection is open and subscribed to every stream the client holds.</summary>
/// <param name="Connection">The connection's number, 1 for the first.</param>
/// <param name="Reason">Why it was opened; only <see cref="StreamConnectReason.Reconnect"/> means data was missed.</param>
/// <param name="AtMs">Local time, UTC epoch ms.</param>
public sealed record StreamConnected(int Connection, StreamConnectReason Reason, long AtMs) : MarketStreamEvent;

/// <summary>The connection was lost; a new one is attempted after <see cref="RetryIn"/>.</summary>
/// <param name="Connection">The lost connection's number.</param>
/// <param name="Reason">What happened (close status, transport error), for the operator.</param>
/// <param name="RetryIn">The wait before the next attempt (exponential backoff with jitter).</param>
/// <param name="AtMs">Local time, UTC epoch ms.</param>
public sealed record StreamDisconnected(int Connection, string Reason, TimeSpan RetryIn, long AtMs) : MarketStreamEvent;

/// <summary>
/// The watchdog saw nothing on these streams for longer than <see cref="MarketStreamOptions.SilenceTimeout"/>. The
/// connection may be stalled, or the market quiet; the data already delivered may be stale.
/// </summary>
/// <param name="Streams">The streams that fell silent at this check.</param>
/// <param name="SinceMs">When the earliest of them last delivered (or was subscribed), local UTC epoch ms.</param>
public sealed record StreamSilent(IReadOnlyList<string> Streams, long SinceMs) : MarketStreamEvent;

/// <summary>A stream reported silent delivered again.</summary>
/// <param name="Streams">The streams that resumed.</param>
/// <param name="SilentForMs">How long the first of them had been silent, in ms.</param>
public sealed record StreamResumed(IReadOnlyList<string> Streams, long SilentForMs) : MarketStreamEvent;

/// <summary>
/// The venue refused to subscribe these streams again after a reconnect (a delisted symbol, say); they are no longer
/// subscribed.
/// </summary>
/// <param name="Streams">The streams dropped.</param>
/// <param name="Reason">The venue's answer.</param>
public sealed record SubscriptionDropped(IReadOnlyList<string> Streams, string Reason) : MarketStreamEvent;
