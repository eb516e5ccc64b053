using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>
/// A deliberately simple venue for long runs over recorded bars. Orders placed while handling bar t work from bar t+1:
/// MARKET fills at the next bar's open; LIMIT fills when a bar trades through its price (an IOC limit only if the next
/// open is marketable, else it expires); STOP_MARKET and TAKE_PROFIT_MARKET fill when a bar trades through the trigger,
/// at the trigger or at the open if the bar gapped past it (stops before take-profits when one bar hits both).
/// Reduce-only orders are trimmed to the position and expire when there is nothing to reduce. Cancels are confirmed at once.
/// Every placed order is checked against the symbol filters.
/// </summary>
internal sealed class FillSimulator
{
    private readonly List<WorkingOrder> _working = [];
    private readonly Queue<IOrderEvent> _pending = new();
    private long _tradeId;
    private long _clock;

    public FillSimulator(ITradingStrategy strategy, Instrument instrument, decimal equity = 10_000m, int leverage = 10)
    {
        Driver = new StrategyDriver(strategy);
        Instrument = instrument;
        Equity = equity;
        Leverage = leverage;
    }

    public StrategyDriver Driver { get; }

    public Instrument Instrument { get; }

    public decimal Equity { get; private set; }

    public int Leverage { get; }

    /// <summary>Signed net position.</summary>
    public decimal Position { get; private set; }

    public decimal EntryPrice { get; private set; }

    public List<string> Violations { get; } = [];

    public List<OrderIntent> Placed { get; } = [];

    public int Fills { get; private set; }

    public decimal LastClose { get; private set; }

    public IReadOnlyList<OrderIntent> Working => _working.Select(w => w.Intent).ToArray();

    /// <summary>Called after every bar (and the orders it triggered) is fully handled.</summary>
    public Action<Kline>? AfterBar { get; set; }

    /// <summary>The trading state the simulated host reports, per bar.</summary>
    public Func<Kline, TradingState>? TradingStateOf { get; set; }

    public void Run(IEnumerable<Kline> bars)
    {
        foreach (var bar in bars)
        {
            Step(bar);
        }
    }

    public void Step(in Kline bar)
    {
        _clock = Math.Max(_clock, bar.OpenTimeMs);
        var state = TradingStateOf?.Invoke(bar) ?? TradingState.Active;
        MatchAgainst(bar, state);
        LastClose = bar.Close;
        var decision = Driver.Kline(bar, Context(bar.OpenTimeMs + MinuteMs, state, bar.Close));
        _clock = Math.Max(_clock, bar.OpenTimeMs + MinuteMs);
        Handle(decision, _clock, state, bar.Close);
        Drain(state, bar.Close);
        AfterBar?.Invoke(bar);
    }

    private StrategyContext Context(long timestampMs, TradingState state, decimal mark) =>
        new(timestampMs, Instrument, Position, Position == 0m ? 0m : EntryPrice, Equity, Equity, Leverage, 0.0002m, 0.0004m, state, mark);

    private void MatchAgainst(in Kline bar, TradingState state)
    {
        // Market orders first, at the open; then the triggered and resting ones, stops before take-profits.
        foreach (var order in _working.Where(w => w.Intent.Type == OrderType.Market).ToArray())
        {
            Execute(order, bar.Open, bar, state);
        }

        foreach (var order in _working.Where(w => w.Intent.Type == OrderType.Limit).ToArray())
        {
            var intent = order.Intent;
            var price = intent.Price!.Value;
            var buy = intent.Side == OrderSide.Buy;
            if (intent.TimeInForce == TimeInForce.Ioc)
            {
                var marketable = buy ? bar.Open <= price : bar.Open >= price;
                if (marketable)
                {
                    Execute(order, bar.Open, bar, state);
                }
                else
                {
                    End(order, new OrderExpired(intent.Symbol, intent.ClientOrderId, Tick()), bar, state);
                }
            }
            else if (buy ? bar.Low < price : bar.High > price)
            {
                Execute(order, buy ? Math.Min(bar.Open, price) : Math.Max(bar.Open, price), bar, state);
            }
        }

        foreach (var type in new[] { OrderType.StopMarket, OrderType.TakeProfitMarket })
        {
            foreach (var order in _working.Where(w => w.Intent.Type == type).ToArray())
            {
                if (!_working.Contains(order))
                {
                    continue;
                }

                var trigger = order.Intent.StopPrice!.Value;
                var sell = order.Intent.Side == OrderSide.Sell;
                var stop = type == OrderType.StopMarket;

                // A sell stop triggers on the way down, a sell take-profit on the way up; buys mirror them.
                var fallsToIt = (sell && stop) || (!sell && !stop);
                if (fallsToIt ? bar.Low <= trigger : bar.High >= trigger)
                {
                    Execute(order, fallsToIt ? Math.Min(bar.Open, trigger) : Math.Max(bar.Open, trigger), bar, state);
                }
            }
        }
    }

    private void Execute(WorkingOrder order, decimal price, in Kline bar, TradingState state)
    {
        var intent = order.Intent;
        var signed = intent.Side == OrderSide.Buy ? 1m : -1m;
        var quantity = intent.Quantity!.Value - order.Filled;
        if (intent.ReduceOnly)
        {
            // Reduce-only: never grows or flips the position; with nothing to reduce it expires.
            var reducible = Position * signed < 0m ? Math.Abs(Position) : 0m;
            quantity = Math.Min(quantity, reducible);
            if (quantity <= 0m)
            {
                End(order, new OrderExpired(intent.Symbol, intent.ClientOrderId, Tick()), bar, state);
                return;
            }
        }

        ApplyFill(signed * quantity, price);
        order.Filled += quantity;
        Fills++;
        if (order.Filled >= intent.Quantity!.Value || intent.ReduceOnly)
        {
            _working.Remove(order);
        }

        var fee = Math.Round(price * quantity * 0.0004m, 8);
        Equity -= fee;
        var fill = new Fill(intent.Symbol, intent.ClientOrderId, new VenueOrderId(++_tradeId), new TradeId(_tradeId), intent.Side, intent.PositionSide, price, quantity, fee, LiquiditySide.Taker, Tick());
        Deliver(new OrderFilled(fill, intent.Quantity), bar, state);
        if (intent.ReduceOnly && order.Filled < intent.Quantity!.Value)
        {
            Deliver(new OrderExpired(intent.Symbol, intent.ClientOrderId, Tick()), bar, state);
        }
    }

    private void ApplyFill(decimal signedQuantity, decimal price)
    {
        var before = Position;
        var after = before + signedQuantity;
        if (before == 0m || Math.Sign(before) == Math.Sign(signedQuantity))
        {
            EntryPrice = ((EntryPrice * Math.Abs(before)) + (price * Math.Abs(signedQuantity))) / Math.Abs(after);
        }
        else
        {
            var closed = Math.Min(Math.Abs(before), Math.Abs(signedQuantity));
            Equity += closed * (price - EntryPrice) * Math.Sign(before);
            if (Math.Sign(after) != Math.Sign(before) && after != 0m)
            {
                EntryPrice = price;
            }
        }

        Position = after;
        if (Position == 0m)
        {
            EntryPrice = 0m;
        }
    }

    private void End(WorkingOrder order, IOrderEvent ended, in Kline bar, TradingState state)
    {
        _working.Remove(order);
        Deliver(ended, bar, state);
    }

    private void Deliver(IOrderEvent orderEvent, in Kline bar, TradingState state)
    {
        _pending.Enqueue(orderEvent);
        Drain(state, bar.Open);
    }

    // Delivers queued reports (fills, expiries, cancel confirmations) until the strategy asks for nothing more.
    private void Drain(TradingState state, decimal mark)
    {
        while (_pending.TryDequeue(out var next))
        {
            var timestamp = Tick();
            Handle(Driver.Order(next, Context(timestamp, state, mark)), timestamp, state, mark);
        }
    }

    private void Handle(StrategyDecision decision, long timestampMs, TradingState state, decimal mark)
    {
        foreach (var command in decision.Commands)
        {
            switch (command)
            {
                case PlaceOrder place:
                    Check(place.Intent, mark, state);
                    Placed.Add(place.Intent);
                    _working.Add(new WorkingOrder(place.Intent));
                    break;
                case CancelOrder cancel:
                    var order = _working.FirstOrDefault(w => w.Intent.ClientOrderId == cancel.ClientOrderId);
                    if (order is not null)
                    {
                        _working.Remove(order);
                        _pending.Enqueue(new OrderCanceled(cancel.Symbol, cancel.ClientOrderId, timestampMs));
                    }

                    break;
            }
        }
    }

    private void Check(OrderIntent intent, decimal mark, TradingState state)
    {
        var check = new OrderCheck(intent.Side, intent.Type, intent.Price, intent.StopPrice, intent.Quantity, intent.ReduceOnly, intent.ClosePosition)
        {
            MarkPrice = mark,
            OpenOrderCount = _working.Count,
            OpenAlgoOrderCount = _working.Count(w => w.Intent.Type is OrderType.StopMarket or OrderType.TakeProfitMarket),
        };
        if (InstrumentRules.Validate(Instrument, check) is { } violation)
        {
            Violations.Add($"{intent.ClientOrderId}: {violation}");
        }

        if (state == TradingState.Halted)
        {
            Violations.Add($"{intent.ClientOrderId} placed while halted");
        }

        if (state == TradingState.Reducing && !intent.ReduceOnly)
        {
            Violations.Add($"{intent.ClientOrderId} opens exposure while reducing");
        }
    }

    // Strictly increasing event times within a bar.
    private long Tick() => ++_clock;

    private sealed class WorkingOrder(OrderIntent intent)
    {
        public OrderIntent Intent { get; } = intent;

        public decimal Filled { get; set; }
    }
}
