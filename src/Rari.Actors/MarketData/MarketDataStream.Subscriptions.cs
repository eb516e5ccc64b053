using Akka.Actor;
using Akka.Event;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;

namespace Rari.Actors.MarketData;

// Symbols come and go at run time: each symbol's streams are subscribed on their own, so a symbol the venue refuses
// does not keep the others out.
public sealed partial class MarketDataStream
{
    private void Subscribe(IReadOnlyList<Symbol> symbols, IActorRef replyTo)
    {
        var requested = Distinct(symbols);
        var pending = new List<Symbol>();
        foreach (var symbol in requested)
        {
            if (!_feeds.TryGetValue(symbol, out var feed))
            {
                feed = new SymbolFeed(symbol, NowMs, _settings.OrderBooks ? _bookFactory!(symbol) : null);
                _feeds.Add(symbol, feed);
            }

            if (!feed.IsLive)
            {
                pending.Add(symbol);
            }
        }

        if (pending.Count == 0)
        {
            Reply(replyTo, new SymbolsSubscribed(requested, new Dictionary<Symbol, string>()));
            return;
        }

        var control = _control!;
        var tasks = new List<Task<(Symbol Symbol, string? Refusal)>>(pending.Count);
        foreach (var symbol in pending)
        {
            tasks.Add(SubscribeOneAsync(control, symbol, _settings.StreamsOf(symbol)));
        }

        Task.WhenAll(tasks).PipeTo(Self, success: results => new SubscribeCompleted(requested, results, replyTo));
    }

    private static async Task<(Symbol Symbol, string? Refusal)> SubscribeOneAsync(MarketSourceControl control, Symbol symbol, IReadOnlyList<string> streams)
    {
        try
        {
            await control.SubscribeAsync(streams).ConfigureAwait(false);
            return (symbol, null);
        }
        catch (Exception e) when (e is AsterStreamException or InvalidOperationException or ArgumentException)
        {
            return (symbol, e.Message);
        }
    }

    private void OnSubscribed(SubscribeCompleted completed)
    {
        var refused = new Dictionary<Symbol, string>();
        foreach (var (symbol, refusal) in completed.Results)
        {
            if (!_feeds.TryGetValue(symbol, out var feed))
            {
                continue; // Unsubscribed meanwhile.
            }

            if (refusal is null)
            {
                feed.IsLive = true;
                continue;
            }

            refused[symbol] = refusal;
            if (!feed.IsLive)
            {
                _feeds.Remove(symbol);
                feed.Book?.Dispose();
            }

            _log.Error("{0}: its market streams could not be subscribed ({1}); it receives no market data", symbol, refusal);
        }

        var subscribed = new List<Symbol>(completed.Requested.Count);
        foreach (var symbol in completed.Requested)
        {
            if (!refused.ContainsKey(symbol))
            {
                subscribed.Add(symbol);
            }
        }

        _log.Info("Market data subscribed for {0}", string.Join(", ", subscribed));
        Reply(completed.ReplyTo, new SymbolsSubscribed(subscribed, refused));
    }

    private void Unsubscribe(IReadOnlyList<Symbol> symbols, IActorRef replyTo)
    {
        var requested = Distinct(symbols);
        var names = new List<string>();
        foreach (var symbol in requested)
        {
            if (_feeds.Remove(symbol, out var feed))
            {
                feed.Book?.Dispose();
                names.AddRange(_settings.StreamsOf(symbol));
            }
        }

        if (names.Count == 0)
        {
            Reply(replyTo, new SymbolsUnsubscribed(requested));
            return;
        }

        _control!.UnsubscribeAsync(names).PipeTo(
            Self,
            success: () => new UnsubscribeCompleted(requested, replyTo, null),
            failure: e => new UnsubscribeCompleted(requested, replyTo, e.Message));
    }

    private void OnUnsubscribed(UnsubscribeCompleted completed)
    {
        if (completed.Problem is { } problem)
        {
            // The streams are no longer wanted either way: events that still come for them are ignored.
            _log.Warning("Unsubscribing {0} was refused by the venue ({1}); their events are ignored", string.Join(", ", completed.Symbols), problem);
        }
        else
        {
            _log.Info("Market data unsubscribed for {0}", string.Join(", ", completed.Symbols));
        }

        Reply(completed.ReplyTo, new SymbolsUnsubscribed(completed.Symbols));
    }

    /// <summary>Answers a request; the restart's own re-subscription (sent from nobody) expects no answer.</summary>
    private static void Reply(IActorRef replyTo, object answer)
    {
        if (!replyTo.IsNobody())
        {
            replyTo.Tell(answer);
        }
    }

    private static List<Symbol> Distinct(IReadOnlyList<Symbol> symbols)
    {
        var distinct = new List<Symbol>(symbols.Count);
        foreach (var symbol in symbols)
        {
            if (!distinct.Contains(symbol))
            {
                distinct.Add(symbol);
            }
        }

        return distinct;
    }

    private sealed record SubscribeCompleted(IReadOnlyList<Symbol> Requested, (Symbol Symbol, string? Refusal)[] Results, IActorRef ReplyTo);

    private sealed record UnsubscribeCompleted(IReadOnlyList<Symbol> Symbols, IActorRef ReplyTo, string? Problem);
}
