using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Venue.Funding;
using Rari.Venue.Matching;

namespace Rari.Venue;

// Market data in: klines and trades move the last price along a path, the mark feed moves the mark, books feed takers.
public sealed partial class SimulatedVenue
{
    /// <summary>
    /// One kline of the symbol: the venue's time advances through the bar while the last price follows
    /// <see cref="PricePath"/> (open, nearer extreme, other extreme, close). Conditional orders trigger and resting limit
    /// orders fill where the path reaches them, and margin is checked at every point (the mark follows the last price
    /// unless a mark feed is given).
    /// </summary>
    /// <remarks>The open is a jump from the previous close: orders between the two act at the open price, as after a gap.</remarks>
    /// <exception cref="ArgumentException">The symbol is not listed, or the kline is inconsistent (a price not positive, open or close outside [low, high], negative volume).</exception>
    public void OnKline(Symbol symbol, in Kline kline)
    {
        var market = RequireMarket(symbol);
        if (!IsConsistent(kline))
        {
            throw new ArgumentException(
                FormattableString.Invariant(
                    $"Kline {kline.OpenTimeMs} of {symbol} is inconsistent: open {kline.Open}, high {kline.High}, low {kline.Low}, close {kline.Close}, volume {kline.Volume}; prices must be positive with low ≤ open, close ≤ high."),
                nameof(kline));
        }

        Process(market, kline);
    }

    /// <summary>
    /// <see cref="OnKline(Symbol, in Kline)"/> for a kline the caller has already checked with
    /// <see cref="IsConsistent"/>: the same processing without checking it again. A backtest checks each loaded array of
    /// bars once and replays it in many runs (a sweep, a benchmark); the six decimal comparisons were a tenth of the
    /// venue's cost per bar. Every other source goes through <see cref="OnKline(Symbol, in Kline)"/>, which refuses an
    /// inconsistent kline.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol is not listed.</exception>
    public void OnCheckedKline(Symbol symbol, in Kline kline) => Process(RequireMarket(symbol), kline);

    /// <summary>
    /// Whether <see cref="OnKline(Symbol, in Kline)"/> accepts the kline: low positive, open and close within
    /// [low, high], volume not negative.
    /// </summary>
    public static bool IsConsistent(in Kline kline) =>
        kline.Low > 0m && kline.Open >= kline.Low && kline.Close >= kline.Low && kline.Open <= kline.High && kline.Close <= kline.High
        && kline.Volume >= 0m;

    // The kline's path, once it is known to be consistent.
    private void Process(SymbolMarket market, in Kline kline)
    {
        _eventSequence++;
        market.EventVolume = kline.Volume;
        market.RecentVolumes.Add(kline.Volume);
        var interval = market.Settings.KlineIntervalMs;
        _bandsHoldThisEvent = market.MarkFollowsLast && BandsHold(market, kline.Low, kline.High);

        AdvanceTime(kline.OpenTimeMs);
        var closeTime = PricePath.PointTime(kline.OpenTimeMs, interval, 3);
        if (SkipsQuietPaths && PathIsQuiet(market, kline.Low, kline.High, closeTime))
        {
            QuietPathsSkipped++;
            // Nothing on the path can act: its points would only move the last price (and the mark with it).
            AdvanceTime(closeTime);
            market.SetLast(kline.Close);
            _bandsHoldThisEvent = false;
            return;
        }

        var lowFirst = PricePath.LowFirst(kline);
        var first = lowFirst ? kline.Low : kline.High;
        var second = lowFirst ? kline.High : kline.Low;
        Move(market, kline.Open, kline.Open);
        AdvanceTime(PricePath.PointTime(kline.OpenTimeMs, interval, 1));
        Move(market, kline.Open, first);
        AdvanceTime(PricePath.PointTime(kline.OpenTimeMs, interval, 2));
        Move(market, first, second);
        AdvanceTime(PricePath.PointTime(kline.OpenTimeMs, interval, 3));
        Move(market, second, kline.Close);
        _bandsHoldThisEvent = false;
    }

    /// <summary>Whether <see cref="OnKline"/> skips the points of a quiet path (on; the specs compare it with the full path).</summary>
    internal bool SkipsQuietPaths { get; set; } = true;

    /// <summary>How many klines took the quiet-path shortcut (for the specs).</summary>
    internal long QuietPathsSkipped { get; private set; }

    /// <summary>
    /// Whether a kline's path from its open (the clock already there) to <paramref name="closeTime"/> can do nothing but
    /// move the last price: no resting order or trigger lies within [<paramref name="low"/>, <paramref name="high"/>],
    /// no timer falls due before the close, and no account's margin band is reached (while the mark follows the last
    /// price). Then every point of the path is a no-op but for the price, which ends at the close: the common bar costs
    /// a few comparisons.
    /// </summary>
    private bool PathIsQuiet(SymbolMarket market, decimal low, decimal high, long closeTime) =>
        market.FallingReach < low && market.RisingReach > high && closeTime < _nextDeadlineMs && !_fundingUnscheduled
        && (_bandsHoldThisEvent || !market.MarkFollowsLast);

    /// <summary>
    /// One trade of the market (tick data): a single price point at the trade's time, handled like a kline's path with
    /// the trade's quantity as the event's volume.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol is not listed, or the price or quantity is not positive.</exception>
    public void OnTrade(in Trade trade)
    {
        var market = RequireMarket(trade.Symbol);
        if (trade.Price <= 0m || trade.Quantity <= 0m)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"Trade {trade.Id} of {trade.Symbol} has price {trade.Price} and quantity {trade.Quantity}; both must be positive."),
                nameof(trade));
        }

        AdvanceTime(trade.TimeMs);
        _eventSequence++;
        market.EventVolume = trade.Quantity;
        market.RecentVolumes.Add(trade.Quantity);
        Move(market, trade.Price, trade.Price);
    }

    /// <summary>
    /// A mark price from the mark feed (<c>markPriceUpdate</c>). From the first one on, the symbol's mark moves only
    /// with this feed: MARK_PRICE conditional orders trigger on it, margin and liquidation are measured at it, and its
    /// funding rate is settled at the next funding time unless a recorded rate is given.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol is not listed or the mark price is not positive.</exception>
    public void OnMarkPrice(Symbol symbol, decimal markPrice, decimal indexPrice, decimal fundingRate, long timeMs)
    {
        var market = RequireMarket(symbol);
        if (markPrice <= 0m)
        {
            throw new ArgumentException(FormattableString.Invariant($"Mark price {markPrice} of {symbol} must be positive."), nameof(markPrice));
        }

        AdvanceTime(timeMs);
        var from = market.HasMark ? market.Mark : markPrice;
        market.SetMarkFromFeed(from);
        market.IndexPrice = indexPrice;
        market.EstimatedFundingRate = fundingRate;
        if ((markPrice <= from && market.MarkBelowTrigger >= markPrice) || (markPrice >= from && market.MarkAboveTrigger <= markPrice))
        {
            ProcessPath(market, from, markPrice, PathKind.MarkPrice);
        }

        market.SetMarkFromFeed(markPrice);
        CheckRiskBands(market, markPrice);
    }

    /// <summary>A mark-price stream event; see <see cref="OnMarkPrice(Symbol, decimal, decimal, decimal, long)"/>.</summary>
    public void OnMarkPrice(in MarkPriceUpdate update) =>
        OnMarkPrice(update.Symbol, update.MarkPrice, update.IndexPrice, update.FundingRate, update.TimeMs);

    /// <summary>
    /// A settled funding rate from recorded history: it is used for the settlement at its funding time (rounded down
    /// to the symbol's funding grid) instead of the estimate, and the venue's time advances to it. A rate for a time
    /// already settled is ignored.
    /// </summary>
    public void OnFundingRate(in FundingRateUpdate update)
    {
        var market = RequireMarket(update.Symbol);
        var interval = market.Settings.FundingIntervalMs;
        var fundingTime = FundingSchedule.GridTime(update.FundingTimeMs, interval);
        if (market.NextFundingMs == 0 || fundingTime >= market.NextFundingMs)
        {
            market.RecordedFundingRates[fundingTime] = update.FundingRate;
        }

        AdvanceTime(update.FundingTimeMs);
    }

    /// <summary>A full L2 snapshot: from now on takers walk this book (continued by synthetic levels beyond its last level).</summary>
    public void OnDepth(DepthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var market = RequireMarket(snapshot.Symbol);
        (market.Book ??= new OrderBook(market.Symbol)).ApplySnapshot(snapshot);
        AdvanceTime(snapshot.TimeMs);
    }

    /// <summary>A diff of the L2 book, applied without sequence checks (keep the stream in order with an <see cref="OrderBookSynchronizer"/>).</summary>
    public void OnDepth(DepthUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var market = RequireMarket(update.Symbol);
        (market.Book ??= new OrderBook(market.Symbol)).Apply(update);
        AdvanceTime(update.EventTimeMs);
    }

    /// <summary>The best bid and ask: the book becomes these two levels (continued by synthetic levels beyond them).</summary>
    public void OnBookTicker(in BookTicker ticker)
    {
        var market = RequireMarket(ticker.Symbol);
        var book = market.Book ??= new OrderBook(market.Symbol);
        book.Clear();
        if (ticker.BidPrice > 0m)
        {
            book.SetLevel(BookSide.Bid, ticker.BidPrice, Math.Max(0m, ticker.BidQuantity));
        }

        if (ticker.AskPrice > 0m)
        {
            book.SetLevel(BookSide.Ask, ticker.AskPrice, Math.Max(0m, ticker.AskQuantity));
        }

        AdvanceTime(ticker.TimeMs);
    }
}
