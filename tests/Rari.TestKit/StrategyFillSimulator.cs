using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.TestKit;

/// <summary>
/// A deliberately simple venue for long runs over recorded bars. Orders placed while handling bar t work from bar t+1:
/// MARKET fills at the next bar's open; LIMIT fills when a bar trades through its price (an IOC limit only if the next
/// open is marketable, else it expires); STOP_MARKET and TAKE_PROFIT_MARKET fill when a bar trades through the trigger,
/// at the trigger or at the open if the bar gapped past it (stops before take-profits when one bar hits both).
/// Reduce-only orders are trimmed to the position and expire when there is nothing to reduce. Cancels are confirmed at once.
/// Every placed order is checked against the symbol filters. Shared by the volatility and hybrid strategy specs.
/// </summary>
/// <remarks>
/// Every input reaches the strategy through <see cref="Driver"/>, so the events are folded before the next input and
/// <see cref="StrategyDriver.Events"/> is the run's journal. Fees are 0.04 % of every fill; the context reports maker
/// 0.02 % and taker 0.04 %, the simulated position and its entry price, and the bar's close as the mark.
/// </remarks>
public sealed class StrategyFillSimulator
{
    private const long MinuteMs = TestKlines.MinuteMs;
    private readonly List<WorkingOrder> _working = [];
    private readonly Queue<IOrderEvent> _pending = new();
    private long _tradeId;
    private long _clock;

    /// <summary>Creates a venue with a flat account for <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The strategy to drive.</param>
    /// <param name="instrument">The symbol's filters: every order is checked against them.</param>
    /// <param name="equity">The starting equity, USDT.</param>
    /// <param name="leverage">The leverage the context reports.</param>
    public StrategyFillSimulator(ITradingStrategy strategy, Instrument instrument, decimal equity = 10_000m, int leverage = 10)
    {
        Driver = new StrategyDriver(strategy);
        Instrument = instrument;
        Equity = equity;
        Leverage = leverage;
    }

    /// <summary>The driver every input goes through; its events are the run's journal.</summary>
    public StrategyDriver Driver { get; }

    /// <summary>The symbol's filters.</summary>
    public Instrument Instrument { get; }

    /// <summary>The account's equity: the start, plus realized PnL, minus fees.</summary>
    public decimal Equity { get; private set; }

    /// <summary>The leverage the context reports.</summary>
    public int Leverage { get; }

    /// <summary>Signed net position.</summary>
    public decimal Position { get; private set; }

    /// <summary>The position's average entry price; 0 when flat.</summary>
    public decimal EntryPrice { get; private set; }

    /// <summary>Every broken rule: a filter violation, an order placed while halted, exposure opened while reducing.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Every order placed, in order.</summary>
    public List<OrderIntent> Placed { get; } = [];

    /// <summary>Executions so far.</summary>
    public int Fills { get; private set; }

    /// <summary>The last bar's close.</summary>
    public decimal LastClose { get; private set; }

    /// <summary>The orders working now.</summary>
    public IReadOnlyList<OrderIntent> Working => _working.Select(w => w.Intent).ToArray();

    /// <summary>Called for every bar after its fills were reported and just before the strategy decides on it.</summary>
    public Action<Kline>? BeforeKline { get; set; }

    /// <summary>Called after every bar (and the orders it triggered) is fully handled.</summary>
    public Action<Kline>? AfterBar { get; set; }

    /// <summary>The trading state the simulated host reports, per bar.</summary>
    public Func<Kline, TradingState>? TradingStateOf { get; set; }

    /// <summary>Steps through <paramref name="bars"/>.</summary>
    public void Run(IEnumerable<Kline> bars)
    {
        foreach (var bar in bars)
        {
            Step(bar);
        }
    }

    /// <summary>One bar: its matching, then the strategy's decision on it, then every report that follows.</summary>
    public void Step(in Kline bar)
    {
        _clock = Math.Max(_clock, bar.OpenTimeMs);
        var state = TradingStateOf?.Invoke(bar) ?? TradingState.Active;
        MatchAgainst(bar, state);
        LastClose = bar.Close;
        BeforeKline?.Invoke(bar);
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
