using System.Globalization;
using Akka.Streams;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.Settings;

/// <summary>
/// How the node's market-data stream runs (HOCON block <c>rari.market-data</c>): staleness, reconnection, conflation,
/// the streams each symbol gets and whether local order books are kept.
/// </summary>
public sealed record MarketDataSettings
{
    /// <summary>Aster closes a connection after 24 hours; a planned reconnect must come before.</summary>
    public static readonly TimeSpan VenueConnectionLimit = TimeSpan.FromHours(24);

    /// <summary>The defaults, which <c>hocon/rari.conf</c> repeats.</summary>
    public static MarketDataSettings Default { get; } = new();

    /// <summary>
    /// A symbol that received no market event for longer than this is told its data is stale (it stops opening
    /// exposure) until the next event. Default 30 s: the 1-second mark price and the book ticker keep a live symbol far
    /// below it.
    /// </summary>
    public TimeSpan StalenessLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait before reconnecting a lost connection (it doubles with each failed attempt). Default 500 ms.</summary>
    public TimeSpan ReconnectMinBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts. Default 30 s.</summary>
    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Age at which a connection is replaced make-before-break (nothing lost, nothing doubled); below Aster's 24-hour
    /// limit. Default 23 h.
    /// </summary>
    public TimeSpan PlannedReconnectAfter { get; init; } = TimeSpan.FromHours(23);

    /// <summary>
    /// Book tickers and mark prices reach a symbol at most once per this interval (the latest wins; klines are never held
    /// back). Zero passes each one on unless the consumer falls behind, when only the latest waits. Default 100 ms.
    /// </summary>
    public TimeSpan ConflationInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether each symbol gets the book-ticker stream (<see cref="MarketData.BookTickerChanged"/>). Default true.</summary>
    public bool BookTicker { get; init; } = true;

    /// <summary>Whether each symbol gets the 1-second mark-price stream (<see cref="MarketData.MarkPriceChanged"/>). Default true.</summary>
    public bool MarkPrice { get; init; } = true;

    /// <summary>
    /// Whether a local order book is kept per symbol from the diff-depth stream and REST snapshots, and its top levels
    /// sent to the symbol (<see cref="MarketData.OrderBookChanged"/>), which passes it to its strategy (liquidity checks)
    /// and to the risk gate (depth and slippage rules). Default true.
    /// </summary>
    public bool OrderBooks { get; init; } = true;

    /// <summary>How many levels a side <see cref="MarketData.OrderBookChanged"/> carries, 1-1000. Default 20.</summary>
    public int OrderBookLevels { get; init; } = 20;

    /// <summary>The stream names one symbol is subscribed to: 1-minute klines always, then the optional streams.</summary>
    public IReadOnlyList<string> StreamsOf(Symbol symbol)
    {
        var names = new List<string>(4) { StreamNames.Kline(symbol, KlineInterval.OneMinute) };
        if (BookTicker)
        {
            names.Add(StreamNames.BookTicker(symbol));
        }

        if (MarkPrice)
        {
            names.Add(StreamNames.MarkPrice(symbol, everySecond: true));
        }

        if (OrderBooks)
        {
            names.Add(StreamNames.Depth(symbol));
        }

        return names;
    }

    /// <summary>
    /// <paramref name="options"/> (where to connect) with this block's reconnection and planned-reconnect timings. The
    /// client's own silence watchdog is turned off: the market-data stream watches each symbol itself.
    /// </summary>
    public MarketStreamOptions ApplyTo(MarketStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            ReconnectInitialDelay = ReconnectMinBackoff,
            ReconnectMaxDelay = ReconnectMaxBackoff,
            MaxConnectionAge = PlannedReconnectAfter,
            SilenceTimeout = null,
        };
    }

    /// <summary>The backoff with which the whole stream is rebuilt after it failed (jitter 20 %).</summary>
    public RestartSettings RestartSettings() => Akka.Streams.RestartSettings.Create(ReconnectMinBackoff, ReconnectMaxBackoff, 0.2);

    /// <summary>Every problem, one message per key (<c>key = value: why</c>); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StalenessLimit <= TimeSpan.Zero)
        {
            errors.Add(Text($"staleness-limit = {ConfigText.Format(StalenessLimit)}: must be positive"));
        }

        if (ReconnectMinBackoff <= TimeSpan.Zero)
        {
            errors.Add(Text($"reconnect-min-backoff = {ConfigText.Format(ReconnectMinBackoff)}: must be positive"));
        }

        if (ReconnectMaxBackoff < ReconnectMinBackoff)
        {
            errors.Add(Text($"reconnect-max-backoff = {ConfigText.Format(ReconnectMaxBackoff)}: must be at least reconnect-min-backoff = {ConfigText.Format(ReconnectMinBackoff)}"));
        }

        if (PlannedReconnectAfter <= TimeSpan.Zero || PlannedReconnectAfter >= VenueConnectionLimit)
        {
            errors.Add(Text($"planned-reconnect-after = {ConfigText.Format(PlannedReconnectAfter)}: must be positive and below Aster's 24h connection limit"));
        }

        if (ConflationInterval < TimeSpan.Zero)
        {
            errors.Add(Text($"conflation-interval = {ConfigText.Format(ConflationInterval)}: must not be negative (0 conflates only when the consumer lags)"));
        }

        if (OrderBookLevels is < 1 or > 1000)
        {
            errors.Add(Text($"order-book-levels = {OrderBookLevels}: must be 1-1000"));
        }

        return errors;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
