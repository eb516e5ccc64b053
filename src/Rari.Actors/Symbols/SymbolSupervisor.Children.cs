using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;

namespace Rari.Actors.Symbols;

// The strategy child: start, failures in the window, halt and resume, status, graceful stop.
public sealed partial class SymbolSupervisor
{
    private readonly Queue<long> _failures = new();
    private IActorRef? _child;
    private bool _restartWhenStopped;
    private bool _stopping;
    private bool _halted;
    private string? _haltReason;
    private string? _lastFailure;

    private void StartChild()
    {
        if (_setup is null || _halted || _stopping || _child is not null)
        {
            return;
        }

        var childProps = StrategyActor.PropsFor(_mode, new StrategyActorWiring(_setup, _strategies, _history, _riskGate, _gateway, Self, _audit, _settings));
        var options = Backoff.OnStop(
                childProps,
                StrategyActor.PersistenceKindOf(_mode),
                _settings.RestartBackoffMin,
                _settings.RestartBackoffMax,
                _settings.RestartRandomFactor,
                maxNrOfRetries: -1)
            .WithSupervisorStrategy(StopAndReport(Self, _symbol))
            .WithFinalStopMessage(message => message is StopStrategy);
        _child = Context.Watch(Context.ActorOf(BackoffSupervisor.Props(options), ChildName));
        _log.Info("{Symbol}: {Mode} strategy started", _symbol, _mode);
    }

    // Runs in the back-off supervisor: every exception stops the child (the back-off supervisor then starts a fresh one
    // after its delay, which recovers from the journal) and is reported here to be counted. Only immutable values and
    // the supervisor's reference are captured.
    private static OneForOneStrategy StopAndReport(IActorRef supervisor, Domain.Identifiers.Symbol symbol) =>
        new(cause =>
        {
            var root = cause is ActorInitializationException { InnerException: { } inner } ? inner : cause;
            supervisor.Tell(new StrategyFailed(symbol, $"{root.GetType().Name}: {root.Message}", IsFatal: false));
            return Directive.Stop;
        });

    private void OnChildStarted(StrategyStarted started)
    {
        var child = Sender;
        if (!IsIncarnation(child))
        {
            _log.Warning("{Symbol}: {Sender} announced itself as the strategy but is not its incarnation; ignored", _symbol, child);
            return;
        }

        if (_halted)
        {
            // Started just before the halt's stop reached its back-off supervisor; it is stopping, nothing goes to it.
            return;
        }

        // A new incarnation knows nothing of the account or the states: send the latest of each (stashed until it recovered).
        if (_account is not null)
        {
            child.Tell(_account);
        }

        if (_globalState is not null)
        {
            child.Tell(_globalState);
        }

        if (_symbolState is not null)
        {
            child.Tell(_symbolState);
        }

        if (_stale is not null)
        {
            child.Tell(_stale);
        }

        if (_mark is not null)
        {
            child.Tell(_mark);
        }

        // From now on its inputs go to it directly, the held ones first.
        Connect(child);
        _log.Debug("{Symbol}: strategy {StrategyId} (re)started", _symbol, started.StrategyId);
    }

    private void OnChildFailed(StrategyFailed failed)
    {
        if (_halted)
        {
            return;
        }

        var now = WallNowMs();
        _failures.Enqueue(now);
        var count = CountFailures(now);
        _lastFailure = failed.Reason;
        _log.Warning(
            "{Symbol}: strategy failed ({Count} of {Max} within {Window}): {Reason}",
            _symbol,
            count,
            _settings.MaxFailures,
            _settings.FailureWindow,
            failed.Reason);
        if (failed.IsFatal)
        {
            Halt($"the strategy's journal cannot be replayed, a restart cannot help: {failed.Reason}");
        }
        else if (count >= _settings.MaxFailures)
        {
            Halt($"the strategy failed {count} times within {_settings.FailureWindow}; the last: {failed.Reason}");
        }
    }

    private int CountFailures(long nowMs)
    {
        var since = nowMs - (long)_settings.FailureWindow.TotalMilliseconds;
        while (_failures.Count > 0 && _failures.Peek() <= since)
        {
            _failures.Dequeue();
        }

        return _failures.Count;
    }

    private void Halt(string reason)
    {
        _halted = true;
        _haltReason = reason;
        ForgetIncarnation();

        // The back-off supervisor forwards the stop to the child (or, between restarts, just ends) and stops with it.
        _child?.Tell(StopStrategy.Instance);
        _riskGate.Tell(new HaltTrading(MarketOrWallNowMs(), _symbol, $"symbol supervisor: {reason}"));
        _log.Error("{Symbol} HALTED: {Reason}. The risk gate cancels its entry orders; send ResumeSymbol to trade it again", _symbol, reason);
        Become(Halted);
    }

    private void OnResume(ResumeSymbol resume)
    {
        _halted = false;
        _haltReason = null;
        _failures.Clear();
        _riskGate.Tell(new ResumeTrading(MarketOrWallNowMs(), _symbol, $"symbol supervisor resumed: {resume.Reason}", HaltCause.Manual));
        Become(Supervising);
        if (_child is null)
        {
            StartChild();
        }
        else
        {
            // The halted child is still stopping; its name is free once it has.
            _restartWhenStopped = true;
        }

        _log.Warning("{Symbol} resumed by an operator: {Reason}", _symbol, resume.Reason);
        Sender.Tell(new ControlResult(true, $"{_symbol} resumed; its {_mode} strategy starts again."));
    }

    private void OnTerminated(Terminated terminated)
    {
        if (Disconnect(terminated.ActorRef) || !terminated.ActorRef.Equals(_child))
        {
            return;
        }

        // Its incarnation died with it; what is held waits for the next one (if it starts again).
        _child = null;
        _incarnation = null;
        if (_stopping)
        {
            Context.Stop(Self);
        }
        else if (_restartWhenStopped)
        {
            _restartWhenStopped = false;
            StartChild();
        }
        else if (!_halted)
        {
            // The back-off supervisor never gives up on its own; if it stopped anyway, count it and start it again.
            _log.Error("{Symbol}: the strategy's back-off supervisor stopped unexpectedly; starting it again", _symbol);
            Self.Tell(new StrategyFailed(_symbol, "the strategy's back-off supervisor stopped", IsFatal: false));
            StartChild();
        }
    }

    private void StopGracefully()
    {
        _stopping = true;
        if (_child is null)
        {
            Context.Stop(Self);
        }
        else
        {
            _child.Tell(StopStrategy.Instance);
        }
    }

    private void ReplyStatus()
    {
        // Everything the answer needs is copied now: the strategy's reply is mapped off the actor's thread.
        var sender = Sender;
        var symbol = _symbol;
        var mode = _mode;
        var state = StatusTradingState();
        var stale = _stale is not null;
        var failures = CountFailures(WallNowMs());
        var halted = _halted;
        var lastFailure = _lastFailure is null ? string.Empty : $"; last failure: {_lastFailure}";
        if (_halted || _child is null)
        {
            var detail = _halted ? $"halted: {_haltReason}"
                : _setup is null ? "not in the symbol catalog; no strategy runs"
                : "no strategy running";
            sender.Tell(new SymbolStatus(symbol, mode, state, stale, failures, halted, [], detail + lastFailure));
            return;
        }

        var timeout = _settings.AskTimeout;
        _child.Ask<StrategyStatus>(GetStrategyStatus.Instance, timeout).PipeTo(
            sender,
            success: status => new SymbolStatus(
                symbol, mode, state, stale, failures, halted, status.OpenOrders, status.Detail + lastFailure, GridLadder.From(status.State), status.LastPrice),
            failure: _ => new SymbolStatus(symbol, mode, state, stale, failures, halted, [], $"the strategy did not answer within {timeout} (restarting?){lastFailure}"));
    }

    private TradingState StatusTradingState()
    {
        if (_halted)
        {
            return TradingState.Halted;
        }

        var global = _globalState?.State ?? TradingState.Active;
        var symbol = _symbolState?.State ?? TradingState.Active;
        var state = global > symbol ? global : symbol;
        return _stale is not null && state < TradingState.Reducing ? TradingState.Reducing : state;
    }

    private long WallNowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Halts and resumes are stamped with market time when the symbol has seen a bar (replays run in the past), else the clock.
    private long MarketOrWallNowMs() => _marketNowMs > 0 ? _marketNowMs : WallNowMs();
}
