using Akka.Actor;

namespace Rari.Actors.MarketData;

// Telling the symbols: the closed klines of one symbol in one batch go as one KlinesClosed (one message through the
// region, the supervisor and the strategy's mailboxes instead of one per kline). Only klines are gathered, and a
// symbol's gathered klines are told before any other event of that symbol, so every symbol still sees its events in
// stream order; symbols are separate actors, so their order among each other never mattered.
public sealed partial class MarketDataStream
{
    private readonly List<SymbolFeed> _gathering = [];
    private bool _inBatch;

    private void OnBatch(MarketDataBatch batch)
    {
        var events = batch.Events;
        var nowMs = NowMs;
        _inBatch = true;
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                OnElement(events[i], nowMs);
            }
        }
        finally
        {
            _inBatch = false;
            for (var i = 0; i < _gathering.Count; i++)
            {
                TellGathered(_gathering[i]);
            }

            _gathering.Clear();
        }
    }

    private void Tell(SymbolFeed feed, object message)
    {
        if (_inBatch && message is KlineClosed kline)
        {
            if (feed.Gathered.Count == 0)
            {
                _gathering.Add(feed);
            }

            feed.Gathered.Add(kline);
            feed.Events++;
            return;
        }

        TellNow(feed, message);
        feed.Events++;
    }

    // Whatever of the symbol's klines waits goes first.
    private void TellNow(SymbolFeed feed, object message)
    {
        TellGathered(feed);
        _symbols.Tell(message);
    }

    private void TellGathered(SymbolFeed feed)
    {
        var gathered = feed.Gathered;
        if (gathered.Count == 0)
        {
            return;
        }

        _symbols.Tell(gathered.Count == 1 ? gathered[0] : new KlinesClosed(feed.Symbol, [.. gathered]));
        gathered.Clear();
    }
}
