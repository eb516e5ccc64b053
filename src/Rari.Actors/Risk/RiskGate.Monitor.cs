using Akka.Actor;
using Akka.Event;
using Rari.Actors.Execution;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Actors.Risk;

// The live protections: inputs → RiskMonitor.Decide → PersistAll → fold → publish the trading states, then send the
// commands to the gateway.
public sealed partial class RiskGate
{
    private void OnAccount(AccountChanged account)
    {
        if (account.IsOlderThan(_account?.Report))
        {
            return; // an older view that arrived late: the newer one stands
        }

        Observe(account.TimestampMs);
        _account = new AccountView(account);

        // A view the venue has not dated yet (a first reconciliation on a quiet account) is judged at the next dated input.
        if (_nowMs > 0)
        {
            Decide([EquityInput(_nowMs)]);
        }
    }

    private void OnMarket(SymbolMarketObserved market) => Judge(market, null);

    private void OnMarkets(SymbolMarketsObserved batch) => new ReadingsInOrder(this, batch.Readings).JudgeFrom(0);

    /// <summary>
    /// Judges one market reading; true when its decision is being journaled. <paramref name="afterWrite"/> is
    /// <see cref="Decide"/>'s <c>done</c>: told at once when nothing is journaled, after the write's callbacks otherwise.
    /// </summary>
    private bool Judge(SymbolMarketObserved market, Action<bool>? afterWrite)
    {
        var news = _readings.Observe(market);
        if (news == MarketNews.None)
        {
            return false;
        }

        Observe(market.TimestampMs);

        // A new mark revalues the open positions, so it is also an equity reading: the daily loss sees a crash at the
        // next bar, not only at the next fill. The list is the gate's own scratch (Decide reads it before it returns).
        var inputs = _marketInputs;
        inputs.Clear();
        if (_account is not null)
        {
            inputs.Add(EquityInput(market.TimestampMs));
        }

        // A bar reported twice is judged once: a second trip would journal it again and cancel again.
        if (news == MarketNews.NewBar && market.BarReturn is { } barReturn)
        {
            inputs.Add(new BarReturnObserved(market.TimestampMs, market.Symbol, barReturn, market.RecentStdDev));
        }

        return Decide(inputs, afterWrite);
    }

    private void OnOrderEvent(IOrderEvent orderEvent)
    {
        Observe(orderEvent.TimestampMs);
        switch (orderEvent)
        {
            case OrderFilled filled:
                _entries.Fill(filled.ClientOrderId, filled.Fill.Quantity);
                if (_account is not null)
                {
                    Decide([new FillObserved(filled.Fill, Equity)]);
                }

                break;
            case OrderCanceled or OrderExpired or OrderRejected or OrderDenied:
                _entries.Remove(orderEvent.ClientOrderId);
                break;
        }
    }

    private void OnCriticalError(CriticalErrorDetected error)
    {
        try
        {
            Decide([.. DayStartIfDue(_nowMs), Restamp(error)]);
        }
        catch (ArgumentException e)
        {
            // A sender's bug (a cause that is not a critical error); the error itself is in the log for the operator.
            _log.Error(e, "Risk gate cannot act on {Error}", error);
        }
    }

    private void OnFundsTransferred(FundsTransferred transfer)
    {
        Observe(transfer.TimestampMs);
        Decide([.. DayStartIfDue(transfer.TimestampMs), transfer]);
    }

    private void OnCheckTime()
    {
        if (_nowMs == 0)
        {
            return;
        }

        var inputs = DayStartIfDue(_nowMs);
        if (inputs.Length == 0 && HasExpiredBreaker(_nowMs))
        {
            inputs = [new TimePassed(_nowMs)];
        }

        Decide(inputs);
    }

    private void Control(RiskInput control)
    {
        var replyTo = Sender;
        var input = Restamp(control);
        try
        {
            Decide([input], changed => replyTo.Tell(new ControlResult(true, DescribeControl(input, changed))));
        }
        catch (ArgumentException e)
        {
            replyTo.Tell(new ControlResult(false, e.Message));
        }
    }

    /// <summary>
    /// Decides <paramref name="inputs"/> in order, each on the state the previous ones left, journals every event in
    /// one write, folds them, and only then publishes the trading states and sends the commands.
    /// </summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="done">Called once it is all done, with whether anything was journaled.</param>
    /// <returns>True when events are being journaled (<paramref name="done"/> runs in the write's callback).</returns>
    /// <exception cref="ArgumentException">The monitor refused an input (nothing was journaled).</exception>
    private bool Decide(IReadOnlyList<RiskInput> inputs, Action<bool>? done = null)
    {
        if (inputs.Count == 0)
        {
            return false;
        }

        // The working state sees each input's events before the next input is decided; the actor's own state changes
        // only in the journal's callbacks. Most inputs decide nothing: the lists are made only for what they decide.
        var working = _state;
        List<IRiskEvent>? events = null;
        List<RiskCommand>? commands = null;
        for (var i = 0; i < inputs.Count; i++)
        {
            var decision = _monitor.Decide(working, inputs[i]);
            foreach (var riskEvent in decision.Events)
            {
                (events ??= []).Add(riskEvent);
                working = working.Apply(riskEvent);
            }

            foreach (var command in decision.Commands)
            {
                AddCommand(commands ??= [], command);
            }
        }

        if (events is null)
        {
            SendCommands(commands);
            done?.Invoke(false);
            return false;
        }

        PersistDecision(events, commands, inputs[^1].TimestampMs, done);
        return true;
    }

    // Journals the events in one write, folds them, and only then publishes the trading states and sends the commands.
    // (Its own method, so the callback's captures are allocated only when there is something to journal.)
    private void PersistDecision(List<IRiskEvent> events, List<RiskCommand>? commands, long nowMs, Action<bool>? done)
    {
        var pending = events.Count;
        PersistAll(events, riskEvent =>
        {
            _state = _state.Apply(riskEvent);
            if (--pending > 0)
            {
                return;
            }

            LogDecision(events);
            PublishTradingStates(events, nowMs, null);
            SendCommands(commands);
            SnapshotIfDue(events.Count);
            done?.Invoke(true);
        });
    }

    // One cancel or close per scope is enough, however many inputs of one write asked for it (as the monitor does).
    private static void AddCommand(List<RiskCommand> commands, RiskCommand command)
    {
        foreach (var held in commands)
        {
            if (held.GetType() == command.GetType() && held.Symbol == command.Symbol)
            {
                return;
            }
        }

        commands.Add(command);
    }

    private void SendCommands(List<RiskCommand>? commands)
    {
        if (commands is null)
        {
            return;
        }

        foreach (var command in commands)
        {
            _log.Warning("Risk gate asks the gateway to {Command} {Scope}: {Reason}", command.GetType().Name, command.Symbol?.ToString() ?? "all symbols", command.Reason);
            _gateway.Tell(command);
        }
    }

    private void SnapshotIfDue(int written)
    {
        _eventsSinceSnapshot += written;
        if (_eventsSinceSnapshot >= _options.SnapshotEvery)
        {
            _eventsSinceSnapshot = 0;
            SaveSnapshot(_state);
        }
    }

    private void LogDecision(List<IRiskEvent> events)
    {
        foreach (var riskEvent in events)
        {
            switch (riskEvent)
            {
                case TradingHalted halted:
                    _log.Warning("Trading {Level} for {Scope} ({Cause}): {Reason}", halted.Level, halted.Symbol?.ToString() ?? "all symbols", halted.Cause, halted.Reason);
                    break;
                case TradingResumed resumed:
                    _log.Warning("Trading resumed for {Scope}: {Reason}", resumed.Symbol?.ToString() ?? "all symbols", resumed.Reason);
                    break;
                case CircuitBreakerTripped tripped:
                    _log.Warning("Circuit breaker of {Symbol} tripped until {UntilMs}: {Reason}", tripped.Symbol, tripped.UntilMs, tripped.Reason);
                    break;
                case CircuitBreakerReset reset:
                    _log.Info("Circuit breaker of {Symbol} reset: {Reason}", reset.Symbol, reset.Reason);
                    break;
                case DayStarted day:
                    _log.Info("UTC day {DayStartMs} started with equity {Equity} USDT", day.DayStartMs, day.BaselineEquity);
                    break;
            }
        }
    }

    // An equity reading in a new UTC day is that day's start: its equity becomes the baseline.
    private RiskInput EquityInput(long timeMs)
    {
        var equity = Equity;
        return IsNewDay(timeMs) ? new UtcDayStarted(timeMs, equity) : new EquityObserved(timeMs, equity);
    }

    // Inputs without equity of their own (a bar, an error, a control, the timer) that cross midnight first start the day
    // with the latest equity, so the new baseline is the equity at the boundary as far as the gate knows it.
    private RiskInput[] DayStartIfDue(long timeMs) =>
        _account is not null && IsNewDay(timeMs) ? [new UtcDayStarted(timeMs, Equity)] : [];

    private bool IsNewDay(long timeMs) => _state.DayStartMs is { } day && RiskMonitor.DayStartOf(timeMs) > day;

    private bool HasExpiredBreaker(long nowMs)
    {
        foreach (var breaker in _state.Breakers)
        {
            if (!breaker.IsActiveAt(nowMs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The readings of one <see cref="SymbolMarketsObserved"/>, judged one after the other as if each had come alone: a
    /// reading whose decision goes to the journal holds the rest until the write is done (as the journal's stash holds
    /// single readings), so the next one is judged on the state it left, after its commands went out.
    /// </summary>
    private sealed class ReadingsInOrder
    {
        private readonly RiskGate _gate;
        private readonly IReadOnlyList<SymbolMarketObserved> _batch;
        private readonly Action<bool> _afterWrite;
        private int _next;

        public ReadingsInOrder(RiskGate gate, IReadOnlyList<SymbolMarketObserved> readings)
        {
            _gate = gate;
            _batch = readings;
            _afterWrite = AfterWrite; // one delegate per batch, not one per reading
        }

        public void JudgeFrom(int index)
        {
            for (var i = index; i < _batch.Count; i++)
            {
                _next = i + 1;
                if (_gate.Judge(_batch[i], _next < _batch.Count ? _afterWrite : null))
                {
                    return; // the rest follow in the write's callback
                }
            }
        }

        private void AfterWrite(bool written)
        {
            if (written)
            {
                JudgeFrom(_next);
            }
        }
    }

    // Operator controls and escalated errors come with their sender's clock; decisions run on exchange time, so they take
    // the latest exchange time the gate has seen (their own only before it has seen any).
    private RiskInput Restamp(RiskInput input) => _nowMs > 0 ? input with { TimestampMs = _nowMs } : input;
}
