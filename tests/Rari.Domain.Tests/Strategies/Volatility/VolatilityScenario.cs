using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>
/// A strategy brought to a known point: flat 2000 bars, a 1960 low extreme, and the 1970 confirmation bar that sends a
/// MARKET buy of 0.507 (1,000 USDT / 1970). Bar 11 closes at <see cref="SignalTimeMs"/>.
/// </summary>
internal sealed class VolatilityScenario
{
    public const int SignalBar = 11;

    private VolatilityScenario(VolatilityStrategy strategy, StrategyDriver driver, OrderIntent entry)
    {
        Strategy = strategy;
        Driver = driver;
        Entry = entry;
    }

    public static long SignalTimeMs => CloseOf(Bar(SignalBar, 1970m).OpenTimeMs);

    public VolatilityStrategy Strategy { get; }

    public StrategyDriver Driver { get; }

    public OrderIntent Entry { get; }

    public OrderIntent? StopLoss { get; private set; }

    public OrderIntent? TakeProfit { get; private set; }

    public static VolatilityScenario Signalled(VolatilitySettings? settings = null)
    {
        var strategy = new VolatilityStrategy(VolId, Eth, settings ?? MeanReversionOnly);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        var driver = new StrategyDriver(strategy);
        var bar = Bar(SignalBar, 1970m, open: 1960m);
        var decision = driver.Kline(bar, Context(CloseOf(bar.OpenTimeMs)));
        return new VolatilityScenario(strategy, driver, Assert.Single(decision.Places()).Intent);
    }

    /// <summary>The entry fills completely at 1970 (fee 0.4 USDT); the exits are placed.</summary>
    public static VolatilityScenario InPosition(VolatilitySettings? settings = null)
    {
        var scenario = Signalled(settings);
        var decision = scenario.Driver.Order(Filled(scenario.Entry, 0.507m, 1970m, tradeId: 1, fee: 0.4m), Context(SignalTimeMs + 1_000, position: 0.507m));
        var places = decision.Places();
        scenario.StopLoss = places.Single(p => p.Intent.Type == OrderType.StopMarket).Intent;
        scenario.TakeProfit = places.Single(p => p.Intent.Type == OrderType.TakeProfitMarket).Intent;
        return scenario;
    }

    /// <summary>Bar <paramref name="index"/> (after the signal bar) with the given prices, fed at its close time.</summary>
    public Rari.Domain.Strategies.StrategyDecision Kline(
        int index,
        decimal close,
        decimal? high = null,
        decimal? low = null,
        decimal position = 0.507m,
        Rari.Domain.Strategies.TradingState state = Rari.Domain.Strategies.TradingState.Active)
    {
        var bar = Bar(index, close, high, low);
        return Driver.Kline(bar, Context(CloseOf(bar.OpenTimeMs), position: position, state: state));
    }
}
