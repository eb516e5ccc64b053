using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.TestKit;

namespace Rari.Domain.Tests.Risk;

/// <summary>
/// Builders for the risk specs: BTCUSDT and ETHUSDT from the test kit (step 0.001, min notional 5 USDT), order intents,
/// positions valued the way the portfolio values them, views, contexts and books.
/// </summary>
internal static class RiskFixtures
{
    public const long Now = TestOrders.T0;

    public static readonly Instrument Btc = TestInstruments.BtcUsdt;

    public static readonly Instrument Eth = TestInstruments.EthUsdt;

    public static readonly Instrument Sol = TestInstruments.SolUsdt;

    public static readonly StrategyId Strategy = TestOrders.Grid;

    private static readonly ClientOrderIdFactory Ids = new();

    public static OrderIntent LimitOrder(Instrument instrument, OrderSide side, decimal quantity, decimal price, bool reduceOnly = false, PositionSide positionSide = PositionSide.Both, long sequence = 1) =>
        OrderIntent.Create(Ids.Create(Strategy, instrument.Symbol, sequence), Strategy, instrument.Symbol, side, OrderType.Limit, quantity,
            price: price, timeInForce: TimeInForce.Gtc, reduceOnly: reduceOnly, positionSide: positionSide);

    public static OrderIntent MarketOrder(Instrument instrument, OrderSide side, decimal quantity, bool reduceOnly = false, PositionSide positionSide = PositionSide.Both, long sequence = 1) =>
        OrderIntent.Create(Ids.Create(Strategy, instrument.Symbol, sequence), Strategy, instrument.Symbol, side, OrderType.Market, quantity,
            reduceOnly: reduceOnly, positionSide: positionSide);

    public static OrderIntent StopEntry(Instrument instrument, OrderSide side, decimal quantity, decimal stopPrice, long sequence = 1) =>
        OrderIntent.Create(Ids.Create(Strategy, instrument.Symbol, sequence), Strategy, instrument.Symbol, side, OrderType.StopMarket, quantity,
            stopPrice: stopPrice);

    public static RiskRequest Request(OrderIntent intent, decimal? stop = null, decimal? lossPerUnit = null) =>
        new(intent) { StopLossPrice = stop, WorstCaseLossPerUnit = lossPerUnit };

    public static SymbolRiskView View(Instrument instrument, decimal mark, int leverage = 20, params PositionMargin[] positions) =>
        new(instrument, mark) { Leverage = leverage, Positions = positions };

    /// <summary>A position as <see cref="PortfolioAccount.GetPositionMargin"/> reports it, valued at <paramref name="mark"/>.</summary>
    public static PositionMargin Position(
        Instrument instrument,
        decimal quantity,
        decimal entry,
        decimal mark,
        int leverage = 20,
        MarginType marginType = MarginType.Cross,
        decimal isolatedWallet = 0m,
        PositionSide side = PositionSide.Both)
    {
        var notional = Math.Abs(quantity) * mark;
        var bracket = instrument.LeverageBracketAt(notional) ?? instrument.LeverageBrackets[^1];
        var maintenance = quantity == 0m ? 0m : (notional * bracket.MaintMarginRatio) - bracket.Cum;
        return new PositionMargin(
            instrument.Symbol,
            side,
            quantity,
            entry,
            quantity * entry,
            mark,
            quantity * (mark - entry),
            notional,
            notional / leverage,
            maintenance,
            leverage,
            marginType,
            isolatedWallet,
            0m);
    }

    public static RiskContext Context(decimal equity, params SymbolRiskView[] views) => new(Now, equity, views);

    /// <summary>What <paramref name="rule"/> says about the whole intent.</summary>
    public static RuleVerdict Evaluate(IRiskRule rule, RiskRequest request, RiskContext context) =>
        rule.Evaluate(new RiskCheck(request, request.Intent.Quantity!.Value, context.Find(request.Intent.Symbol)!, context));

    /// <summary>A book from (price, quantity) levels.</summary>
    public static OrderBook Book(Symbol symbol, (decimal Price, decimal Quantity)[] bids, (decimal Price, decimal Quantity)[] asks)
    {
        var book = new OrderBook(symbol);
        foreach (var (price, quantity) in bids)
        {
            book.SetLevel(BookSide.Bid, price, quantity);
        }

        foreach (var (price, quantity) in asks)
        {
            book.SetLevel(BookSide.Ask, price, quantity);
        }

        return book;
    }
}
