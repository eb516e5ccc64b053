using Akka.Actor;
using Akka.Event;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;

namespace Rari.Actors.Symbols;

// What the strategy decides with besides its inputs: the account, the trading states, staleness, the mark; the risk
// readings of every closed bar; and the start-up questions to the gateway and the risk gate.
public sealed partial class SymbolSupervisor
{
    private AccountChanged? _account;
    private TradingStateChanged? _globalState;
    private TradingStateChanged? _symbolState;
    private bool _tradingStatePublished;
    private MarketDataStale? _stale;
    private MarkPriceChanged? _mark;
    private long _marketNowMs;
    private int _accountSeedFailures;
    private int _riskSeedFailures;

    private void OnKline(KlineClosed closed)
    {
        if (closed.Symbol == _symbol)
        {
            if (Observe(closed) is { } observed)
            {
                _riskGate.Tell(observed);
            }

            Deliver(closed);
        }
    }

    // Each kline is read for the risk gate as if it had come alone, and the readings go to it in one message (the gate
    // judges them one by one); the strategy gets the klines in one message when it runs.
    private void OnKlines(KlinesClosed closed)
    {
        if (closed.Symbol != _symbol)
        {
            return;
        }

        var klines = closed.Klines;
        SymbolMarketObserved? first = null;
        List<SymbolMarketObserved>? readings = null;
        for (var i = 0; i < klines.Count; i++)
        {
            if (Observe(klines[i]) is not { } observed)
            {
                continue;
            }

            if (first is null)
            {
                first = observed;
            }
            else
            {
                readings ??= new List<SymbolMarketObserved>(klines.Count - i + 1) { first };
                readings.Add(observed);
            }
        }

        if (readings is not null)
        {
            _riskGate.Tell(new SymbolMarketsObserved(_symbol, readings));
        }
        else if (first is not null)
        {
            _riskGate.Tell(first);
        }

        DeliverAll(closed);
    }

    // The risk reading of a closed bar, or null for a repeated or malformed one.
    private SymbolMarketObserved? Observe(KlineClosed closed)
    {
        var bar = closed.Kline;
        if (_observer.Observe(bar, _mark?.Update.MarkPrice) is { } observed)
        {
            _marketNowMs = Math.Max(_marketNowMs, observed.TimestampMs);
            return observed;
        }

        if (!MarketObserver.IsWellFormed(bar))
        {
            _log.Warning("{Symbol}: malformed bar at {OpenTimeMs} (O {Open} H {High} L {Low} C {Close}) kept out of the risk readings", _symbol, bar.OpenTimeMs, bar.Open, bar.High, bar.Low, bar.Close);
        }

        return null;
    }

    private void OnMarkPrice(MarkPriceChanged changed)
    {
        if (changed.Symbol == _symbol)
        {
            _mark = changed;
            Deliver(changed);
        }
    }

    private void OnStale(MarketDataStale stale)
    {
        if (stale.Symbol == _symbol)
        {
            _stale = stale;
            Deliver(stale);
        }
    }

    private void OnResumed(MarketDataResumed resumed)
    {
        if (resumed.Symbol == _symbol)
        {
            _stale = null;
            Deliver(resumed);
        }
    }

    // The topic and the start-up answer may arrive in either order; the gateway's newest revision wins.
    private void OnAccount(AccountChanged account)
    {
        if (!account.IsOlderThan(_account))
        {
            _account = account;
            Deliver(account);
        }
    }

    private void OnTradingState(TradingStateChanged changed)
    {
        _tradingStatePublished = true;
        ApplyTradingState(changed);
    }

    private void ApplyTradingState(TradingStateChanged changed)
    {
        if (changed.Symbol is null)
        {
            _globalState = changed;
        }
        else if (changed.Symbol == _symbol)
        {
            _symbolState = changed;
        }
        else
        {
            return;
        }

        Deliver(changed);
    }

    private void SeedAccount() =>
        _gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, _settings.AskTimeout).PipeTo(
            Self,
            success: status => new AccountSeeded(status.Account),
            failure: cause => new SeedFailed(Account: true, cause));

    private void SeedRisk() =>
        _riskGate.Ask<RiskStatus>(GetRiskStatus.Instance, _settings.AskTimeout).PipeTo(
            Self,
            success: status => new RiskSeeded(status),
            failure: cause => new SeedFailed(Account: false, cause));

    private void OnAccountSeeded(AccountSeeded seeded)
    {
        if (seeded.Account is { } account)
        {
            OnAccount(account);
            return;
        }

        // The gateway has no account view yet (still reconciling); ask again until it has, or one is published.
        OnSeedFailed(new SeedFailed(Account: true, new InvalidOperationException("the gateway has no account view yet")));
    }

    // Published states are newer than the answer to a question asked at start; once one arrived, the answer is moot.
    private void OnRiskSeeded(RiskSeeded seeded)
    {
        if (_tradingStatePublished)
        {
            return;
        }

        var state = seeded.Status.State;
        var now = MarketOrWallNowMs();
        ApplyTradingState(new TradingStateChanged(null, state.GlobalTradingState, "the risk gate's state at start", now));
        ApplyTradingState(new TradingStateChanged(_symbol, state.SymbolTradingState(_symbol, now), "the risk gate's state at start", now));
    }

    private void OnSeedFailed(SeedFailed failed)
    {
        var attempt = failed.Account ? ++_accountSeedFailures : ++_riskSeedFailures;
        var min = _settings.RetryBackoffMin.TotalMilliseconds;
        var delay = TimeSpan.FromMilliseconds(Math.Min(_settings.RetryBackoffMax.TotalMilliseconds, min * Math.Pow(2, Math.Min(attempt - 1, 30))));
        _log.Warning(
            "{Symbol}: no {What} at start ({Reason}); asking again in {Delay}",
            _symbol,
            failed.Account ? "account view from the gateway" : "trading state from the risk gate",
            failed.Cause.Message,
            delay);
        Timers.StartSingleTimer(failed.Account ? "seed-account" : "seed-risk", new RetrySeed(failed.Account), delay);
    }

    private void OnRetrySeed(RetrySeed retry)
    {
        if (retry.Account && _account is null)
        {
            SeedAccount();
        }
        else if (!retry.Account && !_tradingStatePublished)
        {
            SeedRisk();
        }
    }

    private void FetchReadingsHistory()
    {
        KlineHistoryFetch.Start(_history, _symbol, _observer.BarsNeeded, _settings.WarmUpTimeout)
            .PipeTo(Self, success: klines => new ReadingsHistory(klines), failure: cause => new ReadingsHistoryFailed(cause));
    }
}
