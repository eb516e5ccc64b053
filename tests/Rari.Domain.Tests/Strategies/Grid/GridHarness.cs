using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>
/// Drives a grid the way its host does: every decision's events are journaled and folded with Apply, then its
/// commands are "sent" (recorded; placed orders become open until a test ends them). Time moves one minute per bar.
/// </summary>
internal sealed class GridHarness
{
    public const long BarMs = 60_000;

    private long _tradeId = 1_000;

    public GridHarness(GridSettings? settings = null, Instrument? instrument = null, string strategy = "grid")
    {
        Instrument = instrument ?? TestInstruments.BtcUsdt;
        Settings = settings ?? ArithmeticNeutral;
        Strategy = new GridStrategy(new StrategyId(strategy), Instrument.Symbol, Settings);
    }

    /// <summary>10 arithmetic levels 2 % apart around the price: at 30,000 the levels are 27,000 to 32,400 in steps of 600.</summary>
    public static GridSettings ArithmeticNeutral { get; } = GridSettings.Default with { SpacingMode = GridSpacingMode.Arithmetic };

    public Instrument Instrument { get; }

    public GridSettings Settings { get; }

    public GridStrategy Strategy { get; }

    public GridState State => Strategy.State;

    public List<IStrategyEvent> Journal { get; } = [];

    public List<StrategyCommand> Commands { get; } = [];

    public Dictionary<ClientOrderId, OrderIntent> Open { get; } = [];

    public HashSet<ClientOrderId> CancelsSent { get; } = [];

    public long Now { get; private set; } = TestKlines.Jan2024Ms;

    public TradingState TradingState { get; set; } = TradingState.Active;

    public OrderBook? Book { get; set; }

    public decimal Equity { get; set; } = TestStrategyContexts.Equity;

    public int Leverage { get; set; } = TestStrategyContexts.Leverage;

    public decimal? MarkPrice { get; set; }

    /// <summary>The account's net position the context reports (the grid's own inventory may differ from it).</summary>
    public decimal NetPosition { get; set; }

    public StrategyContext Context() =>
        TestStrategyContexts.For(Instrument, Now, Equity, leverage: Leverage, tradingState: TradingState, markPrice: MarkPrice, book: Book, positionQuantity: NetPosition);

    public StrategyDecision Bar(decimal close) => Bar(close, close, close, close);

    public StrategyDecision Bar(decimal open, decimal high, decimal low, decimal close)
    {
        var kline = new Kline(Now, open, high, low, close, 1m);
        Now += BarMs;
        return Run(Strategy.OnKline(kline, Context()));
    }

    /// <summary>Several identical flat bars; returns the decisions that were not empty.</summary>
    public List<StrategyDecision> Bars(int count, decimal close)
    {
        var decisions = new List<StrategyDecision>();
        for (var i = 0; i < count; i++)
        {
            var decision = Bar(close);
            if (!decision.IsEmpty)
            {
                decisions.Add(decision);
            }
        }

        return decisions;
    }

    public StrategyDecision Fill(ClientOrderId id, decimal? quantity = null, decimal? price = null, decimal fee = 0m, long? tradeId = null)
    {
        var intent = Open[id];
        var fill = new Fill(
            Instrument.Symbol, id, new VenueOrderId(7), new TradeId(tradeId ?? ++_tradeId), intent.Side, PositionSide.Both,
            price ?? intent.Price ?? MarkPrice ?? 1m, quantity ?? intent.Quantity!.Value, fee, LiquiditySide.Maker, Now);

        // The venue's net position moves with every fill, as the host's context shows it when the strategy decides.
        NetPosition += fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        return Run(Strategy.OnOrderEvent(new OrderFilled(fill), Context()));
    }

    public StrategyDecision Feed(IOrderEvent orderEvent) => Run(Strategy.OnOrderEvent(orderEvent, Context()));

    public StrategyDecision Canceled(ClientOrderId id)
    {
        Open.Remove(id);
        return Feed(new OrderCanceled(Instrument.Symbol, id, Now));
    }

    public StrategyDecision Expired(ClientOrderId id)
    {
        Open.Remove(id);
        return Feed(new OrderExpired(Instrument.Symbol, id, Now));
    }

    public StrategyDecision Rejected(ClientOrderId id, int code = -2019, string reason = "Margin is insufficient.")
    {
        Open.Remove(id);
        return Feed(new OrderRejected(Instrument.Symbol, id, code, reason, Now));
    }

    /// <summary>Confirms every cancel sent so far, as the venue would.</summary>
    public List<StrategyDecision> ConfirmCancels()
    {
        var decisions = new List<StrategyDecision>();
        foreach (var id in CancelsSent.ToArray())
        {
            CancelsSent.Remove(id);
            if (Open.ContainsKey(id))
            {
                decisions.Add(Canceled(id));
            }
        }

        return decisions;
    }

    /// <summary>Releases the grid as the hybrid strategy does, after it cancelled every open order of the grid.</summary>
    public StrategyDecision Release(string reason = "hybrid switch")
    {
        Open.Clear();
        CancelsSent.Clear();
        return Run(new StrategyDecision([Strategy.ReleasePosition(Now, reason)], []));
    }

    /// <summary>Hands the grid a position as the hybrid strategy does.</summary>
    public StrategyDecision Inherit(decimal signedQuantity, decimal entryPrice)
    {
        // The inherited position is the account's: it was opened by the outgoing strategy.
        NetPosition += signedQuantity;
        return Run(new StrategyDecision([Strategy.InheritPosition(signedQuantity, entryPrice, Now)], []));
    }

    public OrderIntent OpenAt(OrderSide side, decimal price) =>
        Open.Values.Single(o => o.Side == side && o.Price == price);

    public IReadOnlyList<decimal> OpenPrices(OrderSide side) =>
        Open.Values.Where(o => o.Side == side).Select(o => o.Price ?? 0m).OrderBy(p => p).ToArray();

    public StrategyDecision Run(StrategyDecision decision)
    {
        foreach (var strategyEvent in decision.Events)
        {
            Journal.Add(strategyEvent);
            Strategy.Apply(strategyEvent);
        }

        foreach (var command in decision.Commands)
        {
            Commands.Add(command);
            switch (command)
            {
                case PlaceOrder place:
                    Open.Add(place.Intent.ClientOrderId, place.Intent);
                    break;
                case CancelOrder cancel:
                    CancelsSent.Add(cancel.ClientOrderId);
                    break;
            }
        }

        return decision;
    }

    public static IReadOnlyList<OrderIntent> Placed(StrategyDecision decision) =>
        decision.Commands.OfType<PlaceOrder>().Select(p => p.Intent).ToArray();

    public static IReadOnlyList<ClientOrderId> Cancelled(StrategyDecision decision) =>
        decision.Commands.OfType<CancelOrder>().Select(c => c.ClientOrderId).ToArray();

    public static T Single<T>(StrategyDecision decision)
        where T : IStrategyEvent => decision.Events.OfType<T>().Single();
}
