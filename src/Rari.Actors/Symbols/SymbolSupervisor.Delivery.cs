using Akka.Actor;
using Akka.Event;
using Rari.Actors.MarketData;
using Rari.Actors.Strategies;

namespace Rari.Actors.Symbols;

// Delivery to the strategy: straight to the incarnation that announced itself (StrategyStarted), one hop fewer than
// through its back-off supervisor; held in order while no incarnation is known (before the first announcement, and
// from an incarnation's death until the next one announces itself).
//
// Why this keeps order and loses nothing the back-off path kept: every input reaches the strategy from this actor
// alone, either held here or sent directly, never along both paths at once — so one cannot overtake the other (Akka
// keeps the order of messages between two actors). Held inputs go out when the incarnation announces itself, before
// anything newer. What the back-off path dropped between two incarnations (its dead letters) is now held; what sat in
// a dying incarnation's mailbox is lost either way, and the next incarnation's warm-up fetches those bars again
// (KlineHistoryFetch), skipping what it already covers by open time, so no bar is decided twice.
public sealed partial class SymbolSupervisor
{
    private readonly Queue<object> _held = new();
    private IActorRef? _incarnation;
    private BookTickerChanged? _heldTicker;
    private OrderBookChanged? _heldBook;
    private long _droppedWhileHeld;

    private void Deliver(object message)
    {
        if (_halted)
        {
            return;
        }

        if (_incarnation is not null)
        {
            _incarnation.Tell(message, Self);
        }
        else if (_child is not null)
        {
            Hold(message);
        }
    }

    // Several klines: one message to a running incarnation, held one by one otherwise.
    private void DeliverAll(KlinesClosed closed)
    {
        if (_halted)
        {
            return;
        }

        if (_incarnation is not null)
        {
            _incarnation.Tell(closed, Self);
        }
        else if (_child is not null)
        {
            var klines = closed.Klines;
            for (var i = 0; i < klines.Count; i++)
            {
                Hold(klines[i]);
            }
        }
    }

    // Bars, order events and order reports keep their order (bounded like the strategy's own start-up buffer, the
    // oldest dropped); only the latest ticker and book matter, they are states. The account, the trading states,
    // staleness and the mark are not held: the supervisor sends its latest of each to every new incarnation.
    private void Hold(object message)
    {
        switch (message)
        {
            case BookTickerChanged ticker:
                _heldTicker = ticker;
                return;
            case OrderBookChanged book:
                _heldBook = book;
                return;
            case KlineClosed or Domain.Orders.IOrderEvent or Execution.OrderReports:
                if (_held.Count >= _settings.InputBuffer)
                {
                    var dropped = _held.Dequeue();
                    if (++_droppedWhileHeld == 1 || _droppedWhileHeld % 1_000 == 0)
                    {
                        _log.Warning(
                            "{Symbol}: {Held} inputs held for a restarting strategy; dropped {Dropped} so far, the latest {Input}",
                            _symbol,
                            _settings.InputBuffer,
                            _droppedWhileHeld,
                            dropped.GetType().Name);
                    }
                }

                _held.Enqueue(message);
                return;
        }
    }

    // The announcing incarnation gets what it cannot know (sent first, as before), then everything held, in order.
    private void Connect(IActorRef incarnation)
    {
        if (_incarnation is not null && !_incarnation.Equals(incarnation))
        {
            Context.Unwatch(_incarnation);
        }

        _incarnation = incarnation;
        Context.Watch(incarnation);
        while (_held.TryDequeue(out var held))
        {
            incarnation.Tell(held, Self);
        }

        if (_heldBook is { } book)
        {
            incarnation.Tell(book, Self);
        }

        if (_heldTicker is { } ticker)
        {
            incarnation.Tell(ticker, Self);
        }

        _heldBook = null;
        _heldTicker = null;
        _droppedWhileHeld = 0;
    }

    // From now until the next announcement inputs are held.
    private bool Disconnect(IActorRef terminated)
    {
        if (_incarnation is null || !_incarnation.Equals(terminated))
        {
            return false;
        }

        _incarnation = null;
        return true;
    }

    // A halt stops the incarnation; nothing more goes to it, and after a resume inputs are held for the next one.
    private void ForgetIncarnation()
    {
        if (_incarnation is not null)
        {
            Context.Unwatch(_incarnation);
            _incarnation = null;
        }

        _held.Clear();
        _heldBook = null;
        _heldTicker = null;
    }

    // Only a child of this supervisor's back-off supervisor is an incarnation of its strategy.
    private bool IsIncarnation(IActorRef sender) =>
        _child is not null && sender.Path.Parent.Equals(_child.Path);
}
