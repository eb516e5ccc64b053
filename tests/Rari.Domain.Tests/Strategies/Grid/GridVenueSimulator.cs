using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>
/// A small bar-by-bar venue for grid runs: a resting limit order fills completely at its price when a later bar trades
/// through it, a MARKET order fills at the next bar's open, a cancel is confirmed at once, and a reduce-only order
/// never takes the position through zero (what it cannot reduce expires). Every fill goes back to the strategy, and
/// every order the strategy sends is checked against the symbol filters.
/// </summary>
internal sealed class GridVenueSimulator
{
    private const long MinuteMs = 60_000;
    private readonly Dictionary<ClientOrderId, OrderIntent> _open = [];
    private readonly Queue<IOrderEvent> _pending = new();
    private long _tradeId;
    private long _now;
    private decimal _mark;

    public GridVenueSimulator(GridStrategy strategy, Instrument instrument, decimal equity = 10_000m, int leverage = 5)
    {
        Strategy = strategy;
        Instrument = instrument;
        Equity = equity;
        Leverage = leverage;
    }

    public GridStrategy Strategy { get; }

    public Instrument Instrument { get; }

    public decimal Equity { get; }

    public int Leverage { get; }

    /// <summary>The recorded month of real BTCUSDT minutes the long-run specs trade (18 Jul – 17 Aug 2023).</summary>
    public const string BtcMonthFile = "klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz";

    public List<IStrategyEvent> Journal { get; } = [];

    /// <summary>The grid's state once the latest bar's decision is applied, before the venue answers its commands.</summary>
    public GridState? StateAfterKline { get; private set; }

    public List<StrategyDecision> Decisions { get; } = [];

    public List<string> Violations { get; } = [];

    public decimal Position { get; private set; }

    public int Fills { get; private set; }

    public int MaxOpenOrders { get; private set; }

    public int OrdersPlaced { get; private set; }

    public IReadOnlyCollection<OrderIntent> OpenOrders => _open.Values;

    /// <summary>
    /// The long-run specs' grid over <see cref="BtcMonthFile"/>: levels 0.3 % apart, 100 USDT each, recentring after an
    /// hour outside the range, a 3 % stop and a two-hour cool-down.
    /// </summary>
    public static GridSettings LongRunSettings(GridDirection direction, GridRebalanceMode rebalance, int levels = 16) => GridSettings.Default with
    {
        Direction = direction,
        Rebalance = rebalance,
        LevelCount = levels,
        Spacing = 0.003m,
        NotionalPerLevel = 100m,
        RecentreAfterBars = 60,
        StopLossDistance = 0.03m,
        CooldownBars = 120,
    };

    public void Run(IEnumerable<Kline> klines)
    {
        foreach (var kline in klines)
        {
            Step(kline);
        }
    }

    public void Step(Kline kline)
    {
        _now = kline.OpenTimeMs;
        _mark = kline.Open;
        foreach (var market in _open.Values.Where(o => o.Type == OrderType.Market).ToArray())
        {
            Execute(market, kline.Open);
        }

        // Resting orders in the order the bar's path meets them: down to the low first on a rising bar, else up first.
        var resting = _open.Values.Where(o => o.Type == OrderType.Limit).ToArray();
        var buys = resting.Where(o => o.Side == OrderSide.Buy && kline.Low < o.Price).OrderByDescending(o => o.Price);
        var sells = resting.Where(o => o.Side == OrderSide.Sell && kline.High > o.Price).OrderBy(o => o.Price);
        var path = kline.Close >= kline.Open ? buys.Concat(sells) : sells.Concat(buys);
        foreach (var order in path.ToArray())
        {
            if (_open.ContainsKey(order.ClientOrderId))
            {
                Execute(order, order.Price!.Value);
            }
        }

        _now = kline.OpenTimeMs + MinuteMs;
        _mark = kline.Close;
        var decision = Strategy.OnKline(kline, Context());
        Handle(decision, afterEvents: () => StateAfterKline = Strategy.State);
        StateAfterKline = decision.IsEmpty ? Strategy.State : StateAfterKline;
    }

    private void Execute(OrderIntent order, decimal price)
    {
        var quantity = order.Quantity!.Value;
        if (order.ReduceOnly)
        {
            var reducible = order.Side == OrderSide.Sell ? Math.Max(0m, Position) : Math.Max(0m, -Position);
            quantity = Math.Min(quantity, reducible);
        }

        _open.Remove(order.ClientOrderId);
        if (quantity > 0m)
        {
            Position += order.Side == OrderSide.Buy ? quantity : -quantity;
            Fills++;
            var fee = decimal.Round(quantity * price * (order.Type == OrderType.Market ? 0.0004m : 0.0002m), 8);
            var fill = new Fill(
                Instrument.Symbol, order.ClientOrderId, new VenueOrderId(1), new TradeId(++_tradeId), order.Side, PositionSide.Both,
                price, quantity, fee, order.Type == OrderType.Market ? LiquiditySide.Taker : LiquiditySide.Maker, _now);
            Handle(Strategy.OnOrderEvent(new OrderFilled(fill), Context()));
        }

        if (quantity < order.Quantity!.Value)
        {
            Handle(Strategy.OnOrderEvent(new OrderExpired(Instrument.Symbol, order.ClientOrderId, _now), Context()));
        }
    }

    private StrategyContext Context() =>
        TestStrategyContexts.For(Instrument, _now, Equity, leverage: Leverage, markPrice: _mark > 0m ? _mark : null, positionQuantity: Position);

    private void Handle(StrategyDecision decision, Action? afterEvents = null)
    {
        if (decision.IsEmpty)
        {
            return;
        }

        Decisions.Add(decision);
        foreach (var strategyEvent in decision.Events)
        {
            Journal.Add(strategyEvent);
            Strategy.Apply(strategyEvent);
        }

        afterEvents?.Invoke();

        foreach (var command in decision.Commands)
        {
            switch (command)
            {
                case PlaceOrder place:
                    Accept(place.Intent);
                    break;
                case CancelOrder cancel when _open.Remove(cancel.ClientOrderId):
                    _pending.Enqueue(new OrderCanceled(Instrument.Symbol, cancel.ClientOrderId, _now));
                    break;
            }
        }

        while (_pending.TryDequeue(out var next))
        {
            Handle(Strategy.OnOrderEvent(next, Context()));
        }
    }

    private void Accept(OrderIntent intent)
    {
        var check = new OrderCheck(intent.Side, intent.Type, intent.Price, intent.StopPrice, intent.Quantity, intent.ReduceOnly, intent.ClosePosition)
        {
            MarkPrice = _mark > 0m ? _mark : null,
            OpenOrderCount = _open.Count,
        };
        var violation = InstrumentRules.Validate(Instrument, check);
        if (violation is not null)
        {
            Violations.Add($"{intent.ClientOrderId}: {violation}");
            _pending.Enqueue(new OrderRejected(Instrument.Symbol, intent.ClientOrderId, violation.AsterCode, violation.Message, _now));
            return;
        }

        _open.Add(intent.ClientOrderId, intent);
        OrdersPlaced++;
        MaxOpenOrders = Math.Max(MaxOpenOrders, _open.Count);
    }
}
