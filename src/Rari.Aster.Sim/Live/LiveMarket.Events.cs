using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Live;

// One upstream event at a time, on the reader task: clock, listeners, then the simulator's own subscribers, so a
// client never sees a price its paper orders have not yet met.
public sealed partial class LiveMarket
{
    private void Handle(MarketStreamEvent streamEvent)
    {
        switch (streamEvent)
        {
            case MarketData<Trade> trade when Find(trade.Data.Symbol) is { } market:
                Arrived(trade.EventTimeMs);
                market.SetLiveLastPrice(trade.Data.Price);
                Remember(market.Symbol, trade.Data);
                foreach (var listener in Listeners())
                {
                    listener.OnTrade(trade.Data);
                }

                _hub!.PublishLive(market, StreamKind.AggTrade, LivePayloads.AggTrade(market, trade.Data, trade.EventTimeMs));
                break;
            case MarketData<MarkPriceUpdate> mark when Find(mark.Data.Symbol) is { } market:
                Arrived(mark.EventTimeMs);
                lock (_gate)
                {
                    _marks[market.Symbol] = mark.Data;
                }

                foreach (var listener in Listeners())
                {
                    listener.OnMarkPrice(mark.Data);
                }

                _hub!.PublishLive(market, StreamKind.MarkPrice, LivePayloads.MarkPrice(market, mark.Data, mark.EventTimeMs));
                break;
            case MarketData<BookTicker> ticker when Find(ticker.Data.Symbol) is { } market:
                Arrived(ticker.EventTimeMs);
                lock (_gate)
                {
                    _tickers[market.Symbol] = ticker.Data;
                }

                // While the local book is in step, its levels (after each diff) are what takers meet; the touch alone otherwise.
                if (!_books[market.Symbol].IsSynced)
                {
                    foreach (var listener in Listeners())
                    {
                        listener.OnBookTicker(ticker.Data);
                    }
                }

                _hub!.PublishLive(market, StreamKind.BookTicker, LivePayloads.BookTicker(market, ticker.Data, ticker.EventTimeMs));
                break;
            case MarketData<DepthUpdate> depth when Find(depth.Data.Symbol) is { } market:
                Arrived(depth.EventTimeMs);
                var book = _books[market.Symbol];
                book.Apply(depth.Data);
                if (book.IsSynced)
                {
                    var top = book.Read(b => new DepthSnapshot(market.Symbol, b.LastUpdateId, b.TopLevels(BookSide.Bid, BookLevels), b.TopLevels(BookSide.Ask, BookLevels), depth.EventTimeMs));
                    foreach (var listener in Listeners())
                    {
                        listener.OnBook(top);
                    }
                }

                _hub!.PublishLive(market, StreamKind.DiffDepth, LivePayloads.DiffDepth(market, depth.Data, depth.EventTimeMs));
                break;
            case MarketData<KlineUpdate> kline when kline.Data.Interval == KlineInterval.OneMinute && Find(kline.Data.Symbol) is { } market:
                Arrived(kline.EventTimeMs);
                if (kline.Data.IsClosed && !_replay!.AppendLive(market, kline.Data.Kline))
                {
                    // Already taken over REST after a reconnect, and published then.
                    break;
                }

                _hub!.PublishLive(market, StreamKind.Kline, LivePayloads.Kline(market, kline.Data, kline.EventTimeMs));
                break;
            case StreamConnected connected:
                // A connection after the first comes subscribed to every stream the client holds.
                Volatile.Write(ref _following, Volatile.Read(ref _subscribed));
                Log.Connected(_logger, connected.Connection, connected.Reason);
                foreach (var localBook in _books.Values)
                {
                    localBook.Handle(connected);
                }

                break;
            case StreamDisconnected disconnected:
                Volatile.Write(ref _following, 0);
                Log.Disconnected(_logger, disconnected.Reason, disconnected.RetryIn);
                break;
        }
    }

    private void Remember(Symbol symbol, in Trade trade)
    {
        lock (_gate)
        {
            var recent = _recentTrades[symbol];
            if (recent.Count == RecentTradeCapacity)
            {
                recent.Dequeue();
            }

            recent.Enqueue(new SyntheticTrade(trade.Id, trade.Price, trade.Quantity, trade.TimeMs, trade.IsBuyerMaker));
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
