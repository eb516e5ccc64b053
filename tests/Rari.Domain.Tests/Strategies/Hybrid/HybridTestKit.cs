using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Tests.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

/// <summary>A regime source the test sets by hand.</summary>
internal sealed class ScriptedRegime : IRegimeSource
{
    public MarketRegime Regime { get; set; } = MarketRegime.Undetermined;

    public int Updates { get; private set; }

    public void Update(in Kline closedKline) => Updates++;

    public string Describe() => $"scripted {Regime}";
}

internal abstract record FakeEvent(StrategyId StrategyId, Symbol Symbol, long TimestampMs) : IStrategyEvent;

internal sealed record FakeOrderPlaced(StrategyId StrategyId, Symbol Symbol, long TimestampMs, OrderIntent Intent) : FakeEvent(StrategyId, Symbol, TimestampMs);

internal sealed record FakeOrderEnded(StrategyId StrategyId, Symbol Symbol, long TimestampMs, ClientOrderId Id, decimal Filled = 0m, decimal Price = 0m)
    : FakeEvent(StrategyId, Symbol, TimestampMs);

internal sealed record FakeReleased(StrategyId StrategyId, Symbol Symbol, long TimestampMs, string Reason) : FakeEvent(StrategyId, Symbol, TimestampMs);

internal sealed record FakeInherited(StrategyId StrategyId, Symbol Symbol, long TimestampMs, decimal Quantity, decimal Price) : FakeEvent(StrategyId, Symbol, TimestampMs);

internal sealed record FakeState(StrategyId StrategyId, long Sequence, ClientOrderId? Open, decimal Position, int Releases, decimal EntryPrice = 0m) : IStrategyState;

/// <summary>
/// A child that keeps one resting LIMIT buy (0.1 at 1000) working whenever it may trade, and records what it was told.
/// </summary>
internal sealed class FakeChild : ITradingStrategy, IPositionTransfer
{
    private FakeState _state;

    public FakeChild(string id)
    {
        Id = new StrategyId(id);
        _state = new FakeState(Id, 0, null, 0m, 0);
    }

    public StrategyId Id { get; }

    public Symbol Symbol => Eth;

    public FakeState State => _state;

    public int Decided { get; private set; }

    public int WarmedBars { get; private set; }

    public TradingState? LastKlineState { get; private set; }

    public TradingState? LastOrderEventState { get; private set; }

    /// <summary>Breaks the contract on purpose: places an order on any order event, whatever the trading state.</summary>
    public bool Misbehaves { get; set; }

    public IReadOnlyCollection<ClientOrderId> OpenOrders => _state.Open is { } open ? [open] : [];

    public void WarmUp(IEnumerable<Kline> closedKlines) => WarmedBars += closedKlines.Count();

    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context)
    {
        Decided++;
        LastKlineState = context.TradingState;
        return context.TradingState == TradingState.Active && _state.Open is null ? Place(context) : StrategyDecision.None;
    }

    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => StrategyDecision.None;

    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context)
    {
        LastOrderEventState = context.TradingState;
        if (Misbehaves)
        {
            return Place(context);
        }

        if (orderEvent.ClientOrderId != _state.Open || orderEvent.Kind is not (OrderEventKind.Canceled or OrderEventKind.Filled or OrderEventKind.Expired))
        {
            return StrategyDecision.None;
        }

        // A fill of the resting buy ends it (the fake trades whole orders) and adds to the fake's own books.
        var fill = (orderEvent as OrderFilled)?.Fill;
        return new StrategyDecision([new FakeOrderEnded(Id, Symbol, context.TimestampMs, orderEvent.ClientOrderId, fill?.Quantity ?? 0m, fill?.Price ?? 0m)], []);
    }

    public void Apply(IStrategyEvent strategyEvent) => _state = strategyEvent switch
    {
        FakeOrderPlaced e => _state with { Open = e.Intent.ClientOrderId, Sequence = _state.Sequence + 1 },
        FakeOrderEnded e when e.Id == _state.Open => _state with
        {
            Open = null,
            Position = _state.Position + e.Filled,
            EntryPrice = e.Filled > 0m ? e.Price : _state.EntryPrice,
        },
        FakeOrderEnded => _state,
        FakeReleased => _state with { Open = null, Position = 0m, Releases = _state.Releases + 1 },
        FakeInherited e => _state with { Position = e.Quantity, EntryPrice = e.Price },
        _ => throw new ArgumentException($"{strategyEvent.GetType().Name} is not for {Id}.", nameof(strategyEvent)),
    };

    public IStrategyState Snapshot() => _state;

    public void Restore(IStrategyState state) => _state = (FakeState)state;

    public IStrategyEvent ReleasePosition(long timestampMs, string reason) => new FakeReleased(Id, Symbol, timestampMs, reason);

    public OwnedPosition OwnedPosition => _state.Position == 0m ? OwnedPosition.Flat : new(_state.Position, _state.EntryPrice);

    public IStrategyEvent InheritPosition(decimal signedQuantity, decimal entryPrice, long timestampMs) =>
        new FakeInherited(Id, Symbol, timestampMs, signedQuantity, entryPrice);

    private StrategyDecision Place(in StrategyContext context)
    {
        var intent = OrderIntent.Create(
            Ids.Create(Id, Symbol, _state.Sequence + 1), Id, Symbol, OrderSide.Buy, OrderType.Limit, 0.1m, price: 1000m, timeInForce: TimeInForce.Gtc);
        return new StrategyDecision([new FakeOrderPlaced(Id, Symbol, context.TimestampMs, intent)], [new PlaceOrder(intent, "fake")]);
    }
}

/// <summary>A <see cref="FakeChild"/> that also takes bars into its market state without allocating.</summary>
internal sealed class ObservingFakeChild(string id) : ITradingStrategy, IPositionTransfer, IMarketStateObserver
{
    private readonly FakeChild _inner = new(id);

    public FakeChild Inner => _inner;

    public int Observed { get; private set; }

    public StrategyId Id => _inner.Id;

    public Symbol Symbol => _inner.Symbol;

    public IReadOnlyCollection<ClientOrderId> OpenOrders => _inner.OpenOrders;

    public void Observe(in Kline closedKline) => Observed++;

    public void WarmUp(IEnumerable<Kline> closedKlines) => _inner.WarmUp(closedKlines);

    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context) => _inner.OnKline(closedKline, context);

    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => _inner.OnBookTicker(ticker, context);

    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context) => _inner.OnOrderEvent(orderEvent, context);

    public void Apply(IStrategyEvent strategyEvent) => _inner.Apply(strategyEvent);

    public IStrategyState Snapshot() => _inner.Snapshot();

    public void Restore(IStrategyState state) => _inner.Restore(state);

    public IStrategyEvent ReleasePosition(long timestampMs, string reason) => _inner.ReleasePosition(timestampMs, reason);

    public OwnedPosition OwnedPosition => _inner.OwnedPosition;

    public IStrategyEvent InheritPosition(decimal signedQuantity, decimal entryPrice, long timestampMs) =>
        _inner.InheritPosition(signedQuantity, entryPrice, timestampMs);
}

/// <summary>A hybrid over two observing fakes and a scripted regime, driven like a host.</summary>
internal sealed class HybridFixture
{
    public static readonly StrategyId HybridId = new("hybrid");

    public HybridFixture(HybridSettings? settings = null, ITradingStrategy? volatility = null)
    {
        GridChild = new ObservingFakeChild("grid");
        VolatilityFake = new ObservingFakeChild("vol");
        VolatilityChild = volatility ?? VolatilityFake;
        Hybrid = new HybridStrategy(HybridId, Eth, GridChild, VolatilityChild, Regime, settings ?? HybridSettings.Default);
        Driver = new StrategyDriver(Hybrid);
    }

    public ScriptedRegime Regime { get; } = new();

    public ObservingFakeChild GridChild { get; }

    public ObservingFakeChild VolatilityFake { get; }

    public ITradingStrategy VolatilityChild { get; }

    public FakeChild Grid => GridChild.Inner;

    public FakeChild Vol => VolatilityFake.Inner;

    public HybridStrategy Hybrid { get; }

    public StrategyDriver Driver { get; }

    public int BarIndex { get; private set; }

    /// <summary>The next bar, at <paramref name="close"/>, under <paramref name="regime"/> (unchanged when null).</summary>
    public StrategyDecision Bar(
        MarketRegime? regime = null, decimal position = 0m, decimal entryPrice = 0m, TradingState state = TradingState.Active, decimal close = 2000m)
    {
        if (regime is { } r)
        {
            Regime.Regime = r;
        }

        var bar = VolatilityTestKit.Bar(BarIndex++, close);
        var decision = Driver.Kline(bar, Context(NowMs, position, entryPrice, state: state));
        AssertNeverBothLive();
        return decision;
    }

    public StrategyDecision Order(IOrderEvent orderEvent, decimal position = 0m, decimal entryPrice = 0m, TradingState state = TradingState.Active)
    {
        var decision = Driver.Order(orderEvent, Context(NowMs + 1, position, entryPrice, state: state));
        AssertNeverBothLive();
        return decision;
    }

    /// <summary>Close time of the last bar fed.</summary>
    public long NowMs => CloseOf(T0 + (Math.Max(0, BarIndex - 1) * MinuteMs));

    /// <summary>Brings the hybrid to Running with the grid active and its resting order placed.</summary>
    public OrderIntent GridRunning()
    {
        Bar(MarketRegime.Ranging);
        var decision = Bar();
        return Assert.Single(decision.Places()).Intent;
    }

    private void AssertNeverBothLive() =>
        Assert.False(GridChild.OpenOrders.Count > 0 && VolatilityChild.OpenOrders.Count > 0, "both children have live orders");
}
