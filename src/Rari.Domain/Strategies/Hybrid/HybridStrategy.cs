using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// Runs the grid while the market ranges and the volatility strategy while it trends, and stands aside when it turns
/// extreme, switching between them so that the two never have live orders at the same time.
/// </summary>
/// <remarks>
/// <para><b>Children.</b> Both are plain <see cref="ITradingStrategy"/>s that also implement <see cref="IPositionTransfer"/>
/// (the hybrid must be able to take a position away from one and give it to the other). Both take every bar into their
/// market state (<see cref="IMarketStateObserver.Observe"/>, or a one-bar <see cref="ITradingStrategy.WarmUp"/> for a child
/// without it); only the active one decides. The active child sees the host's trading state, raised to
/// <see cref="TradingState.Reducing"/> while the regime is Extreme; every other child sees <see cref="TradingState.Halted"/>,
/// so it records its order events but sends nothing new (an order it sends anyway is a contract breach and throws).
/// Child events are journaled wrapped in <see cref="ChildDecided"/> and routed back by their strategy id; the
/// children's order events are routed by the strategy part of the client order id.</para>
/// <para><b>Switching protocol.</b></para>
/// <list type="number">
/// <item>The detector's regime differs from the one the hybrid acts on: <see cref="RegimeSwitched"/>. Ranging calls for
/// the grid, Trending for the volatility strategy, Extreme for the current child under Reducing
/// (<see cref="ExtremeAction.Reduce"/>) or for nobody (<see cref="ExtremeAction.Close"/>). If that is the current child,
/// nothing else happens.</item>
/// <item>Otherwise every open order of the outgoing child is cancelled (its <see cref="ITradingStrategy.OpenOrders"/>) and
/// nobody trades (<see cref="HybridPhase.Draining"/>).</item>
/// <item>Once the outgoing child has no open order left (its cancels confirmed by order events), or the cancel timeout
/// passed (the cancels are then re-sent once): the outgoing child releases its position
/// (<see cref="IPositionTransfer.ReleasePosition"/>), and the account's position on the symbol is either handed to the
/// incoming child (<see cref="SwitchPositionMode.HandOver"/>, <see cref="IPositionTransfer.InheritPosition"/>) or closed by
/// the hybrid with a reduce-only MARKET order (<see cref="SwitchPositionMode.Close"/>, <see cref="HybridPhase.Closing"/>).</item>
/// <item><see cref="SwitchCompleted"/> when nothing is left to close (at once, or when the close order has filled); the
/// incoming child decides from the next input on, so it never acts on a state that has not yet seen the hand-over.</item>
/// </list>
/// <para>Progress is checked on every input (bars, book tickers, order events), so a confirmation is acted on at the next
/// input at the latest. No switch starts while the symbol is halted, and a close waits for the halt to lift. A
/// rejected close is retried on the next bar. The position to close or hand over is the account's (from the context: in
/// hybrid mode the hybrid owns the symbol), or the outgoing child's own books when the account view has not yet caught up
/// with a fill the child has seen (<see cref="OwnedPosition.ToSettle"/>) — an entry that filled while its cancel was in
/// flight is closed, not orphaned. A remainder too small for a MARKET order cannot be closed; the switch then completes and leaves it.</para>
/// </remarks>
public sealed partial class HybridStrategy : ITradingStrategy
{
    private const string SwitchCancelReason = "hybrid regime switch: outgoing strategy stops";
    private const string TimeoutCancelReason = "hybrid regime switch: cancel not confirmed in time, re-sent";

    private readonly ITradingStrategy _grid;
    private readonly ITradingStrategy _volatility;
    private readonly IRegimeSource _regime;
    private readonly HybridSettings _settings;
    private readonly ClientOrderIdFactory _ids;
    private readonly Kline[] _oneBar = new Kline[1];
    private HybridState _state;

    /// <summary>Creates the hybrid with the production regime detector.</summary>
    /// <param name="id">The hybrid's id, used for its own orders; differs from both children's.</param>
    /// <param name="symbol">The symbol; both children must trade it.</param>
    /// <param name="grid">The child for ranging markets.</param>
    /// <param name="volatility">The child for trending markets.</param>
    /// <param name="settings">The parameters; validated here.</param>
    /// <param name="ids">The client-order-id factory shared with the children (same prefix); the default when null.</param>
    /// <exception cref="ArgumentException">A child is unfit (see the other constructor) or the settings are invalid.</exception>
    public HybridStrategy(
        StrategyId id, Symbol symbol, ITradingStrategy grid, ITradingStrategy volatility, HybridSettings settings, ClientOrderIdFactory? ids = null)
        : this(id, symbol, grid, volatility, new RegimeDetector((settings ?? throw new ArgumentNullException(nameof(settings))).Regime), settings, ids)
    {
    }

    /// <summary>Creates the hybrid with a given regime source (a scripted one in tests).</summary>
    /// <param name="id">The hybrid's id, used for its own orders; differs from both children's.</param>
    /// <param name="symbol">The symbol; both children must trade it.</param>
    /// <param name="grid">The child for ranging markets.</param>
    /// <param name="volatility">The child for trending markets.</param>
    /// <param name="regime">Where the regime comes from.</param>
    /// <param name="settings">The parameters; validated here.</param>
    /// <param name="ids">The client-order-id factory shared with the children (same prefix); the default when null.</param>
    /// <exception cref="ArgumentException">
    /// A child trades another symbol, does not implement <see cref="IPositionTransfer"/>, or shares an id; or the settings are invalid.
    /// </exception>
    public HybridStrategy(
        StrategyId id,
        Symbol symbol,
        ITradingStrategy grid,
        ITradingStrategy volatility,
        IRegimeSource regime,
        HybridSettings settings,
        ClientOrderIdFactory? ids = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(volatility);
        ArgumentNullException.ThrowIfNull(regime);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        _ids = ids ?? new ClientOrderIdFactory();
        _ids.Create(id, symbol, 0);
        CheckChild(grid, nameof(grid), symbol);
        CheckChild(volatility, nameof(volatility), symbol);
        if (grid.Id == volatility.Id || grid.Id == id || volatility.Id == id)
        {
            throw new ArgumentException($"The hybrid ({id}), the grid ({grid.Id}) and the volatility strategy ({volatility.Id}) need distinct ids.", nameof(id));
        }

        Id = id;
        Symbol = symbol;
        _grid = grid;
        _volatility = volatility;
        _regime = regime;
        _settings = settings;
        _state = new HybridState(id, symbol);
    }

    /// <inheritdoc />
    public StrategyId Id { get; }

    /// <inheritdoc />
    public Symbol Symbol { get; }

    /// <summary>The hybrid's own decision state.</summary>
    public HybridState State => _state;

    /// <summary>The regime source's current view (market state; the hybrid acts on <see cref="HybridState.Regime"/>).</summary>
    public MarketRegime DetectedRegime => _regime.Regime;

    /// <inheritdoc />
    public IReadOnlyCollection<ClientOrderId> OpenOrders
    {
        get
        {
            var open = new List<ClientOrderId>(_grid.OpenOrders.Count + _volatility.OpenOrders.Count + 1);
            open.AddRange(_grid.OpenOrders);
            open.AddRange(_volatility.OpenOrders);
            if (_state.Close is { IsLive: true } close)
            {
                open.Add(close.Id);
            }

            return open;
        }
    }

    /// <summary>The child strategy of a leg.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The leg is <see cref="HybridLeg.None"/>.</exception>
    public ITradingStrategy Child(HybridLeg leg) => leg switch
    {
        HybridLeg.Grid => _grid,
        HybridLeg.Volatility => _volatility,
        _ => throw new ArgumentOutOfRangeException(nameof(leg), leg, "Only the grid and the volatility legs have a strategy."),
    };

    /// <inheritdoc />
    public void WarmUp(IEnumerable<Kline> closedKlines)
    {
        ArgumentNullException.ThrowIfNull(closedKlines);
        var bars = closedKlines as IReadOnlyList<Kline> ?? closedKlines.ToArray();
        for (var i = 0; i < bars.Count; i++)
        {
            _regime.Update(bars[i]);
        }

        _grid.WarmUp(bars);
        _volatility.WarmUp(bars);
    }

    /// <inheritdoc />
    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        _regime.Update(closedKline);
        var decider = Decider(_state);
        var decision = new HybridDecisionBuilder(_state);
        Progress(ref decision, context, endedOrder: null, mayRetryClose: true);
        StartSwitchIfCalledFor(ref decision, context);

        // Only the child that was active when the input arrived, and still is, decides; the other one only watches.
        var decides = Decider(decision.State) == decider ? decider : HybridLeg.None;
        Feed(ref decision, HybridLeg.Grid, closedKline, context, decides);
        Feed(ref decision, HybridLeg.Volatility, closedKline, context, decides);
        return decision.Build();
    }

    /// <inheritdoc />
    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        var decider = Decider(_state);
        var decision = new HybridDecisionBuilder(_state);
        Progress(ref decision, context, endedOrder: null, mayRetryClose: false);
        if (decider != HybridLeg.None && Decider(decision.State) == decider)
        {
            decision.AddChild(Child(decider).OnBookTicker(ticker, ActiveContext(context, decision.State.Regime)), context.TimestampMs);
        }

        return decision.Build();
    }

    /// <inheritdoc />
    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        if (orderEvent.Symbol != Symbol || Owner(orderEvent.ClientOrderId) is not { } owner)
        {
            return StrategyDecision.None;
        }

        var decision = new HybridDecisionBuilder(_state);
        if (owner == HybridLeg.None)
        {
            OnOwnOrderEvent(ref decision, orderEvent, context);
        }
        else
        {
            var child = Child(owner);
            var decides = Decider(_state) == owner;
            var childDecision = child.OnOrderEvent(orderEvent, decides ? ActiveContext(context, decision.State.Regime) : HaltedContext(context));
            if (!decides)
            {
                EnsureNothingPlaced(child, childDecision);
            }

            decision.AddChild(childDecision, context.TimestampMs);
        }

        var ended = IsTerminal(orderEvent.Kind) ? orderEvent.ClientOrderId : (ClientOrderId?)null;
        Progress(ref decision, context, ended, mayRetryClose: false);
        return decision.Build();
    }

    /// <inheritdoc />
    public void Apply(IStrategyEvent strategyEvent)
    {
        switch (strategyEvent)
        {
            case ChildDecided wrapped when wrapped.StrategyId == Id:
                ChildById(wrapped.Inner.StrategyId).Apply(wrapped.Inner);
                break;
            case HybridEvent own:
                _state = _state.Apply(own);
                break;
            default:
                throw new ArgumentException(
                    $"{strategyEvent?.GetType().Name ?? "null"} is not an event of the hybrid strategy {Id}.", nameof(strategyEvent));
        }
    }

    /// <inheritdoc />
    public IStrategyState Snapshot() => new HybridSnapshot(_state, _grid.Snapshot(), _volatility.Snapshot());

    /// <inheritdoc />
    public void Restore(IStrategyState state)
    {
        if (state is not HybridSnapshot snapshot || snapshot.Core.StrategyId != Id || snapshot.Core.Symbol != Symbol)
        {
            throw new ArgumentException($"The snapshot is not a hybrid state of {Id} on {Symbol}.", nameof(state));
        }

        _grid.Restore(snapshot.Grid);
        _volatility.Restore(snapshot.Volatility);
        _state = snapshot.Core;
    }

    private static HybridLeg Decider(HybridState state) => state.Phase == HybridPhase.Running ? state.Active : HybridLeg.None;

    private static bool IsTerminal(OrderEventKind kind) =>
        kind is OrderEventKind.Canceled or OrderEventKind.Expired or OrderEventKind.Rejected or OrderEventKind.Denied;

    private static void CheckChild(ITradingStrategy child, string name, Symbol symbol)
    {
        if (child.Symbol != symbol)
        {
            throw new ArgumentException($"{child.Id} trades {child.Symbol}, not {symbol}.", name);
        }

        if (child is not IPositionTransfer)
        {
            throw new ArgumentException(
                $"{child.Id} ({child.GetType().Name}) must implement {nameof(IPositionTransfer)} so the hybrid can close or hand over its position.", name);
        }
    }

    private static void EnsureNothingPlaced(ITradingStrategy child, StrategyDecision decision)
    {
        for (var i = 0; i < decision.Commands.Count; i++)
        {
            if (decision.Commands[i] is PlaceOrder place)
            {
                throw new InvalidOperationException(
                    $"{child.Id} placed {place.Intent.ClientOrderId} while halted by the hybrid; an inactive child must send nothing new.");
            }
        }
    }

    private void Feed(ref HybridDecisionBuilder decision, HybridLeg leg, in Kline bar, in StrategyContext context, HybridLeg decides)
    {
        var child = Child(leg);
        if (leg == decides)
        {
            decision.AddChild(child.OnKline(bar, ActiveContext(context, decision.State.Regime)), context.TimestampMs);
        }
        else if (child is IMarketStateObserver observer)
        {
            observer.Observe(bar);
        }
        else
        {
            _oneBar[0] = bar;
            child.WarmUp(_oneBar);
        }
    }

    // The active child trades under the host's state, raised to Reducing while the regime is extreme.
    private static StrategyContext ActiveContext(in StrategyContext context, MarketRegime regime)
    {
        var floor = regime == MarketRegime.Extreme ? TradingState.Reducing : TradingState.Active;
        return context.TradingState >= floor ? context : context with { TradingState = floor };
    }

    private static StrategyContext HaltedContext(in StrategyContext context) =>
        context.TradingState == TradingState.Halted ? context : context with { TradingState = TradingState.Halted };

    // Which leg owns an order: the hybrid itself (None), a child, or nobody (null).
    private HybridLeg? Owner(ClientOrderId id)
    {
        if (_ids.TryParse(id, out var parts) && parts.IsFor(Symbol))
        {
            return parts.StrategyId == Id ? HybridLeg.None
                : parts.StrategyId == _grid.Id ? HybridLeg.Grid
                : parts.StrategyId == _volatility.Id ? HybridLeg.Volatility
                : null;
        }

        return null;
    }

    private ITradingStrategy ChildById(StrategyId id) =>
        id == _grid.Id ? _grid
        : id == _volatility.Id ? _volatility
        : throw new ArgumentException($"{id} is not a child of the hybrid strategy {Id}.", nameof(id));
}
