using Akka.Actor;
using Akka.Event;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Actors.Strategies;

// Start-up: warm the market state up from recent klines, then sync the open orders with the gateway, buffering inputs.
public abstract partial class StrategyActor
{
    private readonly Queue<object> _inputs = new();
    private BookTickerChanged? _pendingTicker;
    private int _warmUpAttempts;
    private long _droppedInputs;

    private void WarmingUp()
    {
        Command<WarmUpLoaded>(loaded => OnWarmedUp(loaded.Klines));
        Command<WarmUpFailed>(failed => OnWarmUpFailed(failed.Cause));
        Command<RetryWarmUp>(_ => FetchWarmUp());
        Command<OrderReports>(reports => BufferReports(reports));
        Command<KlineClosed>(Buffer);
        Command<KlinesClosed>(BufferAll);
        Command<BookTickerChanged>(Buffer);
        Command<IOrderEvent>(Buffer);
        CommonCommands();
    }

    private void Syncing()
    {
        Command<OrderReports>(OnStartupReports);
        Command<SyncTimedOut>(timedOut =>
        {
            // Market data must not wait on the gateway forever: trade, and keep asking in the background.
            if (OnSyncTimedOut(timedOut))
            {
                StartTrading();
            }
        });
        Command<KlineClosed>(Buffer);
        Command<KlinesClosed>(BufferAll);
        Command<BookTickerChanged>(Buffer);
        Command<IOrderEvent>(Buffer);
        CommonCommands();
    }

    private void FetchWarmUp()
    {
        if (_settings.WarmUpBars == 0)
        {
            OnWarmedUp([]);
            return;
        }

        _warmUpAttempts++;
        KlineHistoryFetch.Start(_history, Symbol, _settings.WarmUpBars, _settings.WarmUpTimeout)
            .PipeTo(Self, success: klines => new WarmUpLoaded(klines), failure: cause => new WarmUpFailed(cause));
    }

    private void OnWarmedUp(IReadOnlyList<Kline> klines)
    {
        var bars = Ascending(klines);
        _strategy.WarmUp(bars);
        if (bars.Count > 0)
        {
            var last = bars[^1];
            _lastKlineOpenMs = last.OpenTimeMs;
            _lastClose = last.Close;
            AdvanceClock(last.OpenTimeMs + BarMs);
        }

        _log.Info("{PersistenceId} warmed up on {Bars} bar(s); syncing {OpenOrders} open order(s)", PersistenceId, bars.Count, _strategy.OpenOrders.Count);
        _stage = StrategyStage.Syncing;
        Become(Syncing);
        if (!RequestSync(excludeRecent: false))
        {
            StartTrading();
        }
    }

    private void OnWarmUpFailed(Exception cause)
    {
        var reason = cause is OperationCanceledException ? $"no answer within {_settings.WarmUpTimeout}" : cause.Message;
        if (_warmUpAttempts < _settings.WarmUpAttempts)
        {
            var delay = Backoff(_warmUpAttempts);
            _log.Warning(
                "{PersistenceId}: warm-up fetch {Attempt} of {Attempts} failed ({Reason}); retrying in {Delay}",
                PersistenceId,
                _warmUpAttempts,
                _settings.WarmUpAttempts,
                reason,
                delay);
            Timers.StartSingleTimer(nameof(RetryWarmUp), RetryWarmUp.Instance, delay);
            return;
        }

        _log.Error(
            "{PersistenceId}: warm-up failed {Attempts} times ({Reason}); trading without it, the strategy warms up on live bars",
            PersistenceId,
            _warmUpAttempts,
            reason);
        OnWarmedUp([]);
    }

    // The first answer after a start: its events go before everything buffered, so the strategy knows what became of its
    // orders before it decides on the bars that arrived meanwhile.
    private void OnStartupReports(OrderReports reports)
    {
        if (!IsOurs(reports))
        {
            return;
        }

        var derived = SyncAnswered(reports);
        var buffered = _inputs.ToArray();
        _inputs.Clear();
        foreach (var orderEvent in derived)
        {
            _inputs.Enqueue(orderEvent);
        }

        foreach (var input in buffered)
        {
            _inputs.Enqueue(input);
        }

        StartTrading();
    }

    private void StartTrading()
    {
        _stage = StrategyStage.Trading;
        Become(Trading);
        Timers.StartPeriodicTimer(nameof(SyncTick), SyncTick.Instance, _settings.OrderSyncInterval);
        if (_pendingTicker is { } ticker)
        {
            _pendingTicker = null;
            _inputs.Enqueue(ticker);
        }

        _log.Info("{PersistenceId} trading; {Buffered} buffered input(s) to replay", PersistenceId, _inputs.Count);
        Drain();
    }

    private void BufferReports(OrderReports reports)
    {
        if (IsOurs(reports))
        {
            foreach (var orderEvent in SyncAnswered(reports))
            {
                Buffer(orderEvent);
            }
        }
    }

    private void BufferAll(KlinesClosed closed)
    {
        var klines = closed.Klines;
        for (var i = 0; i < klines.Count; i++)
        {
            Buffer(klines[i]);
        }
    }

    // Only the latest ticker matters (it is a state, not a series); bars and order events keep their order.
    private void Buffer(object input)
    {
        if (input is BookTickerChanged ticker)
        {
            _pendingTicker = ticker;
            return;
        }

        if (_inputs.Count >= _settings.InputBuffer)
        {
            var dropped = _inputs.Dequeue();
            if (++_droppedInputs == 1 || _droppedInputs % 1_000 == 0)
            {
                _log.Warning(
                    "{PersistenceId}: input buffer full ({Capacity}) while {Stage}; dropped {Dropped} input(s) so far, the latest {Input}",
                    PersistenceId,
                    _settings.InputBuffer,
                    _stage,
                    _droppedInputs,
                    dropped.GetType().Name);
            }
        }

        _inputs.Enqueue(input);
    }

    // The history should come oldest first without repeats; anything else is put right rather than fed twice.
    private static IReadOnlyList<Kline> Ascending(IReadOnlyList<Kline> klines)
    {
        for (var i = 1; i < klines.Count; i++)
        {
            if (klines[i].OpenTimeMs <= klines[i - 1].OpenTimeMs)
            {
                var sorted = new SortedDictionary<long, Kline>();
                foreach (var kline in klines)
                {
                    sorted[kline.OpenTimeMs] = kline;
                }

                return [.. sorted.Values];
            }
        }

        return klines;
    }
}
