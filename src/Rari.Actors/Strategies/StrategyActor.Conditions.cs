using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Domain.Market;
using Rari.Domain.Strategies;

namespace Rari.Actors.Strategies;

// What the strategy decides with besides the input: the account, the trading states, staleness and the mark price,
// taken in every stage; and the answers to queries and stop requests.
public abstract partial class StrategyActor
{
    private AccountChanged? _account;
    private decimal _position;
    private decimal _entryPrice;
    private TradingState _globalState = TradingState.Active;
    private TradingState _symbolState = TradingState.Active;
    private bool _stale;
    private decimal? _markPrice;
    private OrderBook? _book;
    private decimal _lastClose;
    private long _marketNowMs;

    private TradingState EffectiveState
    {
        get
        {
            var state = _globalState > _symbolState ? _globalState : _symbolState;
            return _stale && state < TradingState.Reducing ? TradingState.Reducing : state;
        }
    }

    private void CommonCommands()
    {
        Command<AccountChanged>(OnAccount);
        Command<TradingStateChanged>(OnTradingState);
        Command<MarketDataStale>(stale =>
        {
            if (stale.Symbol == Symbol && !_stale)
            {
                _stale = true;
                _log.Warning("{PersistenceId}: market data stale since {LastEventAtMs}; no new exposure until it resumes", PersistenceId, stale.LastEventAtMs);
            }
        });
        Command<MarketDataResumed>(resumed =>
        {
            if (resumed.Symbol == Symbol && _stale)
            {
                _stale = false;
                _log.Info("{PersistenceId}: market data resumed after {SilentForMs} ms", PersistenceId, resumed.SilentForMs);
            }
        });
        Command<MarkPriceChanged>(changed =>
        {
            if (changed.Symbol == Symbol)
            {
                _markPrice = changed.Update.MarkPrice;
            }
        });
        Command<OrderBookChanged>(changed =>
        {
            if (changed.Symbol == Symbol)
            {
                // One book, reused: the strategy reads it only while it decides, within this actor.
                _book ??= new OrderBook(Symbol);
                changed.CopyTo(_book);
            }
        });
        Command<GetStrategyStatus>(_ => Sender.Tell(Status()));
        Command<StopStrategy>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(OnSnapshotSaved);
        Command<SaveSnapshotFailure>(OnSnapshotFailed);
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed =>
            _log.Warning("{PersistenceId}: deleting old snapshots failed: {Reason}", PersistenceId, failed.Cause?.Message));
    }

    // Account views can arrive out of order (topic vs. seed); the gateway's newest revision wins.
    private void OnAccount(AccountChanged account)
    {
        if (account.IsOlderThan(_account))
        {
            return;
        }

        if (_account is null)
        {
            _log.Info("{PersistenceId}: account known (equity {Equity} USDT); deciding from now on", PersistenceId, account.Equity);
        }

        _account = account;

        // One-way mode has one report per symbol; the sum (and the quantity-weighted entry) also reads hedge-mode legs.
        var quantity = 0m;
        var cost = 0m;
        foreach (var position in account.Positions)
        {
            if (position.Symbol == Symbol)
            {
                quantity += position.Quantity;
                cost += position.Quantity * position.EntryPrice;
            }
        }

        _position = quantity;
        _entryPrice = quantity != 0m && cost / quantity > 0m ? cost / quantity : 0m;
    }

    private void OnTradingState(TradingStateChanged changed)
    {
        var before = EffectiveState;
        if (changed.Symbol is null)
        {
            _globalState = changed.State;
        }
        else if (changed.Symbol == Symbol)
        {
            _symbolState = changed.State;
        }
        else
        {
            return;
        }

        if (EffectiveState != before)
        {
            _log.Info("{PersistenceId}: trading state {Before} -> {After} ({Reason})", PersistenceId, before, EffectiveState, changed.Reason);
        }
    }

    private StrategyContext ContextAt(long timestampMs) => new(
        timestampMs,
        _setup.Instrument,
        _position,
        _entryPrice,
        _account?.Equity ?? 0m,
        _account?.AvailableBalance ?? 0m,
        _setup.Leverage,
        _setup.MakerFeeRate,
        _setup.TakerFeeRate,
        EffectiveState,
        _markPrice ?? (_lastClose > 0m ? _lastClose : null),
        _book);

    private void AdvanceClock(long marketTimeMs)
    {
        if (marketTimeMs > _marketNowMs)
        {
            _marketNowMs = marketTimeMs;
        }
    }

    private StrategyStatus Status() => new(
        Symbol,
        _strategy.Id,
        PersistenceId,
        _stage,
        EffectiveState,
        _account is not null,
        [.. _strategy.OpenOrders],
        _strategy.Snapshot(),
        LastSequenceNr,
        _klinesHandled,
        _orderEventsHandled,
        $"{_stage.ToString().ToLowerInvariant()}; {StrategyDescriptions.Describe(_strategy)}",
        _markPrice ?? (_lastClose > 0m ? _lastClose : null),
        _klinesSkipped);
}
