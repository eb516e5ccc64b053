using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies;

/// <summary>
/// The strategy context is a value: a host that forgets to build one passes <c>default</c>, which every strategy refuses
/// as it refused a null context, naming the argument.
/// </summary>
public sealed class StrategyContextSpecs
{
    public static TheoryData<StrategyKind> Kinds => new() { StrategyKind.Grid, StrategyKind.Volatility, StrategyKind.Hybrid };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_refuse_a_context_that_was_never_built(StrategyKind kind)
    {
        // arrange
        var strategy = StrategySet.Default.Create(kind, TestInstruments.BtcUsdt.Symbol);
        var bar = new Kline(TestKlines.Jan2024Ms, 100m, 101m, 99m, 100m, 1m);
        var canceled = new OrderCanceled(TestInstruments.BtcUsdt.Symbol, new("grid-BTCUSDT-1"), TestKlines.Jan2024Ms);

        // act
        var onKline = Record.Exception(() => strategy.OnKline(bar, default));
        var onOrder = Record.Exception(() => strategy.OnOrderEvent(canceled, default));

        // assert
        Assert.Equal("context", Assert.IsType<ArgumentNullException>(onKline).ParamName);
        Assert.Equal("context", Assert.IsType<ArgumentNullException>(onOrder).ParamName);
    }

    [Fact]
    public void Should_be_a_snapshot_a_strategy_cannot_change()
    {
        // arrange
        var context = TestStrategyContexts.For(TestInstruments.BtcUsdt, TestKlines.Jan2024Ms, equity: 1_000m);

        // act: a changed copy is another value
        var halted = context with { TradingState = TradingState.Halted };

        // assert
        Assert.Equal(TradingState.Active, context.TradingState);
        Assert.Equal(TradingState.Halted, halted.TradingState);
        Assert.Equal(context, halted with { TradingState = TradingState.Active });
    }
}
