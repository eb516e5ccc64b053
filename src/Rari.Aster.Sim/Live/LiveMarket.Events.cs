using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Live;

// One upstream event at a time, on the reader task: the clock moves to its event time, the listeners hear it (paper
// orders meet it), then the simulator's own subscribers get it, so a client never sees a price its orders have not met.
public sealed partial class LiveMarket
{
    private void Handle(MarketStreamEvent streamEvent)
    {
        switch (streamEvent)
        {
            case MarketData<Trade> trade when Find(trade.Data.Symbol) is { } market:
                Arrived(trade.EventTimeMs);
                OnTrade(market, trade.Data, trade.EventTimeMs);
                break;
            case MarketData<MarkPriceUpdate> mark when Find(mark.Data.Symbol) is { } market:
                Arrived(mark.EventTimeMs);
                OnMarkPrice(market, mark.Data, mark.EventTimeMs);
                break;
            case MarketData<BookTicker> ticker when Find(ticker.Data.Symbol) is { } market:
                Arrived(ticker.EventTimeMs);
                OnBookTicker(market, ticker.Data, ticker.EventTimeMs);
                break;
            case MarketData<DepthUpdate> depth when Find(depth.Data.Symbol) is { } market:
                Arrived(depth.EventTimeMs);
                OnDepth(market, depth.Data, depth.EventTimeMs);
                break;
            case MarketData<KlineUpdate> kline when kline.Data.Interval == KlineInterval.OneMinute && Find(kline.Data.Symbol) is { } market:
                Arrived(kline.EventTimeMs);
                OnKline(market, kline.Data, kline.EventTimeMs);
                break;
            case StreamConnected connected:
                // A connection after the first comes subscribed to every stream the client holds.
                Volatile.Write(ref _following, Volatile.Read(ref _subscribed));
                Log.Connected(_logger, connected.Connection, connected.Reason);
                foreach (var book in _books.Values)
                {
                    book.Handle(connected);
                }

                break;
            case StreamDisconnected disconnected:
                Volatile.Write(ref _following, 0);
                Log.Disconnected(_logger, disconnected.Reason, disconnected.RetryIn);
                break;
        }
    }

    private void OnTrade(MarketSymbol market, in Trade trade, long eventTimeMs)
    {
        market.SetLiveLastPrice(trade.Price);
        lock (_gate)
        {
            var recent = _recentTrades[market.Symbol];
            if (recent.Count == RecentTradeCapacity)
            {
                recent.Dequeue();
            }

            recent.Enqueue(new SyntheticTrade(trade.Id, trade.Price, trade.Quantity, trade.TimeMs, trade.IsBuyerMaker));
        }

        foreach (var listener in Listeners())
        {
            listener.OnTrade(trade);
        }

        _hub!.PublishLive(market, StreamKind.AggTrade, LivePayloads.AggTrade(market, trade, eventTimeMs));
    }

    private void OnMarkPrice(MarketSymbol market, in MarkPriceUpdate mark, long eventTimeMs)
    {
        lock (_gate)
        {
            _marks[market.Symbol] = mark;
        }

        foreach (var listener in Listeners())
        {
            listener.OnMarkPrice(mark);
        }

        _hub!.PublishLive(market, StreamKind.MarkPrice, LivePayloads.MarkPrice(market, mark, eventTimeMs));
    }

    private void OnBookTicker(MarketSymbol market, in BookTicker ticker, long eventTimeMs)
    {
        lock (_gate)
        {
            _tickers[market.Symbol] = ticker;
        }

        // While the local book is in step, its levels (after each diff) are what takers meet; the touch alone otherwise.
        if (!_books[market.Symbol].IsSynced)
        {
            foreach (var listener in Listeners())
            {
                listener.OnBookTicker(ticker);
            }
        }

        _hub!.PublishLive(market, StreamKind.BookTicker, LivePayloads.BookTicker(market, ticker, eventTimeMs));
    }

    private void OnDepth(MarketSymbol market, DepthUpdate depth, long eventTimeMs)
    {
        var book = _books[market.Symbol];
        book.Apply(depth);
        if (book.IsSynced)
        {
            var top = book.Read(b => new DepthSnapshot(
                market.Symbol, b.LastUpdateId, b.TopLevels(BookSide.Bid, BookLevels), b.TopLevels(BookSide.Ask, BookLevels), eventTimeMs));
            foreach (var listener in Listeners())
            {
                listener.OnBook(top);
            }
        }

        _hub!.PublishLive(market, StreamKind.DiffDepth, LivePayloads.DiffDepth(market, depth, eventTimeMs));
    }

    private void OnKline(MarketSymbol market, KlineUpdate kline, long eventTimeMs)
    {
        // A closed minute already taken over REST (after a reconnect) was published then.
        if (!kline.IsClosed || _replay!.AppendLive(market, kline.Kline))
        {
            _hub!.PublishLive(market, StreamKind.Kline, LivePayloads.Kline(market, kline, eventTimeMs));
        }
    }

    private MarketSymbol? Find(Symbol symbol) => _markets.GetValueOrDefault(symbol);

    private void Arrived(long eventTimeMs)
    {
        Interlocked.Increment(ref _eventsReceived);
        _replay!.MoveLiveTime(eventTimeMs);
    }

    private ILiveMarketListener[] Listeners() => Volatile.Read(ref _listeners);
}
