using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Hybrid;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// A grid trader for one symbol: a ladder of limit orders between levels, each rung buying low and selling one level
/// higher (or the mirror for short rungs), rebuilt, trailed or stopped as the price moves. Driven identically by its
/// persistent actor and by the backtester.
/// </summary>
/// <remarks>
/// <para><b>Life.</b> <see cref="GridPhase.WarmingUp"/> until the market state has enough data; then, on a kline, the
/// plan is checked (<see cref="GridFeasibility"/>): it starts (<see cref="GridStarted"/> and entry orders) or is
/// refused (<see cref="GridRefused"/>, journaled once per reason, retried every <c>RefusalRetryBars</c>). A running grid
/// trades until a stop (<see cref="GridStopped"/>): all orders are cancelled, the inventory is closed reduce-only at
/// market, and after the cool-down a new plan is checked.</para>
/// <para><b>Rungs.</b> A filled entry is followed by its take-profit at the adjacent level for exactly the filled
/// quantity, once the entry has filled completely (or ended part-filled); a filled take-profit re-arms the entry.
/// Partial fills are counted as they come, so the inventory is always exact, but only a finished entry gets its exit
/// — one exit per rung, never an exit smaller than the venue minimums would allow.</para>
/// <para><b>Neutral grids</b> start flat: rungs below the price buy, rungs above sell short (a perpetual needs no
/// inventory to sell), each with its take-profit at the adjacent level. A grid that waited for inventory before
/// selling would be a long grid; one that bought inventory at market first would start with a taker fee and a full
/// position.</para>
/// <para><b>Trading state.</b> Active: everything. Reducing: no new entries, working entries are cancelled, exits,
/// stops and closing go on; rebalancing waits. Halted: no commands at all; fills and order ends are still journaled so
/// the books stay exact, and whatever is missing is re-armed on the first bar after the halt.</para>
/// <para><b>Orders</b> get client order ids from <see cref="ClientOrderIdFactory"/> and the journaled sequence;
/// prices use the instrument's side-aware rounding and every order passes <see cref="Instruments.InstrumentRules.Normalize"/>
/// (an order that cannot is skipped with the reason, <see cref="GridOrderSkipped"/>). Order events of orders the grid
/// does not own are ignored; a rejected, denied, expired or foreign-cancelled order frees its rung, which is re-armed
/// after a back-off that doubles with each repeat. OrderAccepted changes nothing the grid decides with and is not
/// journaled.</para>
/// <para><b>Inside the hybrid strategy</b> (<see cref="IPositionTransfer"/>, <see cref="IMarketStateObserver"/>): while
/// inactive the grid only takes bars into its market state. A release (<see cref="GridInventoryReleased"/>) empties its
/// books but keeps its realized PnL and round trips; it then waits in <see cref="GridPhase.Standby"/> and rebuilds
/// around the price, after a fresh feasibility check, on its next active bar. An inherited position
/// (<see cref="GridInventoryInherited"/>) is split on that bar over take-profit rungs on the lattice, beyond the entry by
/// a fee-paying step and beyond the price (<see cref="GridInventoryAssigned"/>), whose reduce-only exits are sent even
/// while the symbol is reducing or the rebuild is refused; the rebuild's feasibility check counts it as carried
/// inventory, and its stops treat it like any other inventory.</para>
/// <para><b>Hot path.</b> A kline with nothing to decide returns <see cref="StrategyDecision.None"/> without allocating.</para>
/// </remarks>
public sealed partial class GridStrategy : ITradingStrategy, IPositionTransfer, IMarketStateObserver
{
    private readonly ClientOrderIdFactory _ids;
    private readonly GridDecisionBuilder _decision = new();
    private GridState _state;
    private GridMarket _market;
    private IReadOnlyCollection<ClientOrderId>? _openOrders;
    private GridState? _openOrdersOf;

    /// <summary>Creates a grid in <see cref="GridPhase.WarmingUp"/>.</summary>
    /// <param name="id">The strategy id; it goes into every client order id, so 1-10 letters, digits or <c>_</c>.</param>
    /// <param name="symbol">The symbol to trade.</param>
    /// <param name="settings">The grid's settings; checked here.</param>
    /// <param name="ids">Makes the client order ids; the default uses the <c>rari</c> prefix.</param>
    /// <exception cref="ArgumentException">The settings are invalid, or the id cannot go into a client order id.</exception>
    public GridStrategy(StrategyId id, Symbol symbol, GridSettings settings, ClientOrderIdFactory? ids = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ids = ids ?? new ClientOrderIdFactory();

        // Fails now, with the factory's message, rather than at the first order.
        _ids.Create(id, symbol, 0);
        _state = GridState.Initial(id, symbol, settings.Validated());
        _market = new GridMarket(settings);
    }

    /// <inheritdoc />
    public StrategyId Id => _state.StrategyId;

    /// <inheritdoc />
    public Symbol Symbol => _state.Symbol;

    /// <summary>The grid's decision state (the same value <see cref="Snapshot"/> returns).</summary>
    public GridState State => _state;

    /// <inheritdoc />
    public IReadOnlyCollection<ClientOrderId> OpenOrders
    {
        get
        {
            if (!ReferenceEquals(_openOrdersOf, _state))
            {
                _openOrders = _state.LiveOrderIds();
                _openOrdersOf = _state;
            }

            return _openOrders!;
        }
    }

    /// <inheritdoc />
    public void WarmUp(IEnumerable<Kline> closedKlines)
    {
        ArgumentNullException.ThrowIfNull(closedKlines);
        foreach (var kline in closedKlines)
        {
            _market.Update(kline, _state);
        }
    }

    /// <inheritdoc />
    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        _market.Update(closedKline, _state);
        if (context.TradingState == TradingState.Halted)
        {
            return StrategyDecision.None;
        }

        _decision.Begin(_state, context);
        var close = closedKline.Close;
        var active = context.TradingState == TradingState.Active;
        switch (_state.Phase)
        {
            case GridPhase.WarmingUp:
                if (active && _market.IsReady)
                {
                    TryStart(close, "warm-up complete");
                }

                break;
            case GridPhase.Refused:
                if (active && _decision.Now >= _market.RetryAtMs)
                {
                    TryStart(close, "retry after a refusal");
                }

                RearmExitsUntilRunning(close);
                break;
            case GridPhase.Standby:
                LeaveStandby(close, active);
                break;
            case GridPhase.CoolingDown:
                RearmClosing();
                if (active && CanRestart())
                {
                    TryStart(close, "cool-down over");
                }

                break;
            case GridPhase.Stopped:
                RearmClosing();
                break;
            default:
                RunBar(close, active);
                break;
        }

        return _decision.Build();
    }

    /// <summary>The grid trades on closed bars; the book ticker decides nothing.</summary>
    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => StrategyDecision.None;

    /// <inheritdoc />
    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        if (orderEvent.Symbol != Symbol || !_state.TryFindOrder(orderEvent.ClientOrderId, out _, out _))
        {
            return StrategyDecision.None;
        }

        _decision.Begin(_state, context);
        switch (orderEvent)
        {
            case OrderFilled filled:
                OnFilled(filled.Fill);
                break;
            case OrderCanceled:
                OnEnded(orderEvent.ClientOrderId, OrderEventKind.Canceled, "canceled");
                break;
            case OrderExpired:
                OnEnded(orderEvent.ClientOrderId, OrderEventKind.Expired, "expired at the venue");
                break;
            case OrderRejected rejected:
                OnEnded(orderEvent.ClientOrderId, OrderEventKind.Rejected, $"rejected by the venue ({rejected.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {rejected.Reason}");
                break;
            case OrderDenied denied:
                OnEnded(orderEvent.ClientOrderId, OrderEventKind.Denied, "denied by the risk gate: " + denied.Reason);
                break;
        }

        return _decision.Build();
    }

    /// <inheritdoc />
    public void Apply(IStrategyEvent strategyEvent) => _state = GridReducer.Apply(_state, strategyEvent);

    /// <inheritdoc />
    public IStrategyState Snapshot() => _state;

    /// <inheritdoc />
    /// <remarks>
    /// The snapshot's settings come with it: a recovered grid keeps running with the settings its levels, quantities
    /// and exits were made for. If they differ from the current ones, the market state is rebuilt for them (feed
    /// <see cref="WarmUp"/> afterwards).
    /// </remarks>
    /// <exception cref="ArgumentException">The state is not a grid state of this strategy and symbol.</exception>
    public void Restore(IStrategyState state)
    {
        if (state is not GridState grid || grid.StrategyId != Id || grid.Symbol != Symbol)
        {
            throw new ArgumentException($"Grid {Id}/{Symbol} cannot restore {state?.GetType().Name} of {state?.StrategyId}.", nameof(state));
        }

        _state = grid;
        if (grid.Settings != _market.Settings)
        {
            _market = new GridMarket(grid.Settings);
        }
    }

    private GridSettings Settings => _decision.State.Settings;

    private bool CanRestart()
    {
        var state = _decision.State;
        return _decision.Now >= state.RestartAtMs
            && _decision.Now >= _market.RetryAtMs
            && state.LiveOrderCount == 0
            && state.ClosingQuantity == 0m
            && _market.IsReady;
    }

    private void RunBar(decimal close, bool active)
    {
        if (CheckStops(close))
        {
            return;
        }

        if (_decision.Context.TradingState == TradingState.Reducing)
        {
            WithdrawEntries();
        }
        else if (active)
        {
            Rebalance(close);
        }

        RearmCells(close);
    }
}
