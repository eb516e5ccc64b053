using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskContextSpecs
{
    [Fact]
    public void Should_capture_an_accounts_positions_settings_and_equity()
    {
        // arrange
        var account = new PortfolioAccount(5_000m, symbol => symbol == Btc.Symbol ? Btc.LeverageBrackets : Eth.LeverageBrackets);
        account.SetLeverage(Btc.Symbol, 10);
        account.SetMarginType(Eth.Symbol, MarginType.Isolated);
        account.ApplyFill(TestFills.Buy("BTCUSDT", 0.1m, 48_000m));
        account.ApplyFill(TestFills.Sell("ETHUSDT", 2m, 2_600m));
        account.UpdateMark(Btc.Symbol, 50_000m);
        account.UpdateMark(Eth.Symbol, 2_500m);

        // act
        var btc = SymbolRiskView.FromAccount(account, Btc);
        var eth = SymbolRiskView.FromAccount(account, Eth);
        var context = RiskContext.FromAccount(account, Now, [btc, eth]);

        // assert
        Assert.Equal((50_000m, 10, MarginType.Cross), (btc.MarkPrice, btc.Leverage, btc.MarginType));
        Assert.Equal(account.GetPositionMargin(Btc.Symbol, PositionSide.Both), btc.PositionOn(PositionSide.Both));
        Assert.Equal(-2m, eth.QuantityOn(PositionSide.Both));
        Assert.Equal(MarginType.Isolated, eth.MarginType);
        Assert.Equal(account.Equity, context.Equity);
        Assert.Equal(5_400m, context.Equity); // 5,000 + 0.1 × 2,000 + 2 × 100
        Assert.Equal(account.CrossWalletBalance, context.CrossWalletBalance);
        Assert.Same(eth, context.Find(Eth.Symbol));
        Assert.Null(context.Find(new Symbol("SOLUSDT")));
    }

    [Fact]
    public void Should_refuse_two_views_of_one_symbol()
    {
        // act
        var error = Record.Exception(() => Context(1_000m, View(Btc, 50_000m), View(Btc, 51_000m)));

        // assert
        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void Should_refuse_a_view_holding_another_symbols_position_or_book()
    {
        // act
        var position = Record.Exception(() => Context(1_000m, View(Btc, 50_000m, 20, Position(Eth, 1m, 2_000m, 2_000m))));
        var book = Record.Exception(() => Context(1_000m, View(Btc, 50_000m) with { Book = Book(Eth.Symbol, [], []) }));

        // assert
        Assert.IsType<ArgumentException>(position);
        Assert.IsType<ArgumentException>(book);
    }

    [Fact]
    public void Should_look_correlations_up_either_way_round()
    {
        // arrange
        var table = new CorrelationTable([new SymbolCorrelation(Eth.Symbol, Btc.Symbol, 0.9m)]);

        // act
        var found = table.TryGet(Btc.Symbol, Eth.Symbol, out var correlation);
        var missing = table.TryGet(Btc.Symbol, Sol.Symbol, out _);

        // assert
        Assert.True(found);
        Assert.Equal(0.9m, correlation);
        Assert.False(missing);
    }

    [Fact]
    public void Should_treat_an_undefined_correlation_reading_as_unknown()
    {
        // act
        var undefined = SymbolCorrelation.FromReading(Btc.Symbol, Eth.Symbol, double.NaN);
        var defined = SymbolCorrelation.FromReading(Btc.Symbol, Eth.Symbol, 0.5);

        // assert
        Assert.Null(undefined);
        Assert.Equal(new SymbolCorrelation(Btc.Symbol, Eth.Symbol, 0.5m), defined);
    }

    [Fact]
    public void Should_refuse_a_pair_given_twice_or_out_of_range()
    {
        // act
        var twice = Record.Exception(() => new CorrelationTable([new(Btc.Symbol, Eth.Symbol, 0.5m), new(Eth.Symbol, Btc.Symbol, 0.6m)]));
        var range = Record.Exception(() => new CorrelationTable([new(Btc.Symbol, Eth.Symbol, 1.5m)]));
        var self = Record.Exception(() => new CorrelationTable([new(Btc.Symbol, Btc.Symbol, 1m)]));

        // assert
        Assert.IsType<ArgumentException>(twice);
        Assert.IsType<ArgumentException>(range);
        Assert.IsType<ArgumentException>(self);
    }

    [Fact]
    public void Should_measure_the_order_as_closing_and_opening_parts()
    {
        // arrange: short 0.3, buy 0.5
        var context = Context(1_000m, View(Btc, 50_000m, 20, Position(Btc, -0.3m, 50_000m, 50_000m)));

        // act
        var check = new RiskCheck(Request(MarketOrder(Btc, OrderSide.Buy, 0.5m)), 0.5m, context.Find(Btc.Symbol)!, context);

        // assert
        Assert.Equal((1, 50_000m, 25_000m), (check.Direction, check.ReferencePrice, check.Notional));
        Assert.Equal((-0.3m, 0.3m, 0.2m, 0.2m), (check.PositionQuantity, check.ClosingQuantity, check.OpeningQuantity, check.ResultingQuantity));
    }
}
