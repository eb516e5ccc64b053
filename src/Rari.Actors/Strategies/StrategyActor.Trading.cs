using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.Actors.Strategies;

// Trading: decide on every input, persist the events, apply them, send the commands; snapshots; the periodic order sync.
public abstract partial class StrategyActor
{
    private readonly Kline[] _oneBar = new Kline[1];
    private readonly HashSet<ClientOrderId> _placedSinceSync = [];
    private readonly List<IOrderEvent> _derived = [];
    private bool _persisting;
    private long _snapshotSequenceNr;
    private bool _snapshotPending;
    private bool _syncOutstanding;
    private long _syncRequest;
    private int _syncFailures;
    private long _lastKlineOpenMs = long.MinValue;
    private long _klinesHandled;
    private long _klinesSkipped;
    private long _orderEventsHandled;

    private void Trading()
    {
        Command<KlineClosed>(Accept);
        Command<KlinesClosed>(AcceptAll);
        Command<BookTickerChanged>(Accept);
        Command<IOrderEvent>(Accept);
        Command<OrderReports>(reports =>
        {
            if (IsOurs(reports))
            {
                foreach (var orderEvent in SyncAnswered(reports))
                {
                    _inputs.Enqueue(orderEvent);
                }

                Drain();
            }
        });
        Command<SyncTick>(_ =>
        {
            if (!_syncOutstanding)
            {
                RequestSync(excludeRecent: true);
            }
        });
        Command<SyncTimedOut>(timedOut => OnSyncTimedOut(timedOut));
        Command<RetrySync>(_ => RequestSync(excludeRecent: true));
        CommonCommands();
    }

    private void Accept(object input)
    {
        _inputs.Enqueue(input);
        Drain();
    }

    // Every kline is its own input, decided (and its events written) before the next, exactly as if each had come alone.
    private void AcceptAll(KlinesClosed closed)
    {
        var klines = closed.Klines;
        for (var i = 0; i < klines.Count; i++)
        {
            _inputs.Enqueue(klines[i]);
        }

        Drain();
    }

    // One input at a time: while a decision's events are being written, the next input waits in the queue (and new
    // messages in Akka's stash), so every decision sees the state its predecessor left.
    private void Drain()
    {
        while (!_persisting && _stage == StrategyStage.Trading && _inputs.TryDequeue(out var input))
        {
            Decide(input);
        }
    }

    private void Decide(object input)
    {
        switch (input)
        {
            case KlineClosed closed:
                {
                    var bar = closed.Kline;

                    // A repeat, or a bar the warm-up already covered.
                    if (bar.OpenTimeMs <= _lastKlineOpenMs)
                    {
                        _klinesSkipped++;
                        return;
                    }

                    _lastKlineOpenMs = bar.OpenTimeMs;
                    _lastClose = bar.Close;
                    _klinesHandled++;
                    var closeMs = bar.OpenTimeMs + BarMs;
                    AdvanceClock(closeMs);
                    if (_account is null)
                    {
                        // No decision on an unknown account; the bar still feeds the market state.
                        _oneBar[0] = bar;
                        _strategy.WarmUp(_oneBar);
                        return;
                    }

                    Handle(_strategy.OnKline(bar, ContextAt(closeMs)), closeMs);
                    return;
                }

            case BookTickerChanged changed:
                {
                    var ticker = changed.Ticker;
                    AdvanceClock(ticker.TimeMs);
                    if (_account is not null)
                    {
                        Handle(_strategy.OnBookTicker(ticker, ContextAt(ticker.TimeMs)), ticker.TimeMs);
                    }

                    return;
                }

            case IOrderEvent orderEvent:
                _orderEventsHandled++;
                AdvanceClock(orderEvent.TimestampMs);
                Handle(_strategy.OnOrderEvent(orderEvent, ContextAt(orderEvent.TimestampMs)), orderEvent.TimestampMs);
                return;
        }
    }

    private void Handle(StrategyDecision decision, long timestampMs)
    {
        if (decision.IsEmpty)
        {
            return;
        }

        var events = decision.Events;
        if (events.Count == 0)
        {
            Send(decision.Commands, timestampMs);
            return;
        }

        _persisting = true;
        var applied = 0;
        PersistAll(
            events,
            strategyEvent =>
            {
                _strategy.Apply(strategyEvent);
                applied++;
            },
            () =>
            {
                _persisting = false;

                // Only a decision written in full is acted on; a failed or rejected write stops the actor instead.
                if (applied != events.Count || _failed)
                {
                    return;
                }

                Send(decision.Commands, timestampMs);
                SnapshotIfDue();
                Drain();
            });
    }

    private void Send(IReadOnlyList<StrategyCommand> commands, long timestampMs)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            switch (commands[i])
            {
                case PlaceOrder place:
                    {
                        var intent = place.Intent;
                        _riskGate.Tell(new SubmitOrder(RiskRequests.For(_strategy, intent), place.Reason));
                        _audit.Record(new AuditEntry(AuditKind.Intent, intent.Symbol, intent.ClientOrderId, timestampMs, Describe(place)));
                        _placedSinceSync.Add(intent.ClientOrderId);
                        break;
                    }

                case CancelOrder cancel:
                    _gateway.Tell(cancel);
                    break;
                default:
                    _log.Warning("{PersistenceId}: no one executes {Command}; dropped", PersistenceId, commands[i].GetType().Name);
                    break;
            }
        }
    }

    private void SnapshotIfDue()
    {
        if (!_snapshotPending && LastSequenceNr - _snapshotSequenceNr >= _settings.SnapshotEvery)
        {
            _snapshotPending = true;
            SaveSnapshot(_strategy.Snapshot());
        }
    }

    private void OnSnapshotSaved(SaveSnapshotSuccess saved)
    {
        _snapshotPending = false;
        _snapshotSequenceNr = saved.Metadata.SequenceNr;
        DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
    }

    private void OnSnapshotFailed(SaveSnapshotFailure failed)
    {
        // The journal still holds everything; the next decision tries again.
        _snapshotPending = false;
        _log.Warning("{PersistenceId}: snapshot at {SequenceNr} failed: {Reason}", PersistenceId, failed.Metadata.SequenceNr, failed.Cause?.Message);
    }

    // Asks the gateway about the orders the strategy holds as open. A periodic sync leaves out the orders placed since the
    // last request: they may still be on their way through the risk gate, and the gateway would call them lost.
    private bool RequestSync(bool excludeRecent)
    {
        var ids = new List<ClientOrderId>();
        foreach (var id in _strategy.OpenOrders)
        {
            if (!excludeRecent || !_placedSinceSync.Contains(id))
            {
                ids.Add(id);
            }
        }

        _placedSinceSync.Clear();
        if (ids.Count == 0)
        {
            return false;
        }

        _syncOutstanding = true;
        _gateway.Tell(new GetOrderReports(Symbol, _strategy.Id, ids));
        Timers.StartSingleTimer(nameof(SyncTimedOut), new SyncTimedOut(++_syncRequest), _settings.OrderSyncTimeout);
        return true;
    }

    // True when the timeout is current (not for a request already answered).
    private bool OnSyncTimedOut(SyncTimedOut timedOut)
    {
        if (!_syncOutstanding || timedOut.Request != _syncRequest)
        {
            return false;
        }

        _syncOutstanding = false;
        _syncFailures++;
        var delay = Backoff(_syncFailures);
        _log.Warning(
            "{PersistenceId}: the gateway did not answer order sync {Request} within {Timeout}; asking again in {Delay} (failure {Failures})",
            PersistenceId,
            timedOut.Request,
            _settings.OrderSyncTimeout,
            delay,
            _syncFailures);
        Timers.StartSingleTimer(nameof(RetrySync), RetrySync.Instance, delay);
        return true;
    }

    private bool IsOurs(OrderReports reports) => reports.Symbol == Symbol && reports.StrategyId == _strategy.Id;

    // Whatever request it answers (late answers included), the reports are the truth now; the events they give are
    // idempotent for the strategy (fills by trade id, ends of ended orders ignored).
    private List<IOrderEvent> SyncAnswered(OrderReports reports)
    {
        _syncOutstanding = false;
        _syncFailures = 0;
        Timers.Cancel(nameof(SyncTimedOut));
        _derived.Clear();
        OrderReportEvents.AddTo(reports, _marketNowMs, _derived);
        if (_derived.Count > 0)
        {
            _log.Info(
                "{PersistenceId}: order sync reported {Reports} order(s); {Events} event(s) to apply",
                PersistenceId,
                reports.Reports.Count,
                _derived.Count);
        }

        return _derived;
    }

    private static string Describe(PlaceOrder place)
    {
        var intent = place.Intent;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{intent.Side} {intent.Type} {intent.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "close-position"} {intent.Symbol}{(intent.Price is { } price ? $" @ {price}" : string.Empty)}{(intent.StopPrice is { } stop ? $" stop {stop}" : string.Empty)}{(intent.ReduceOnly ? " reduce-only" : string.Empty)}: {place.Reason}");
    }
}
