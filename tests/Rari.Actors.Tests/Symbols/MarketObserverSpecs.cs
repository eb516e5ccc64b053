using Rari.Actors.Symbols;
using Rari.Domain.Indicators;
using Rari.Domain.Risk;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Symbols;

/// <summary>The risk readings a symbol's supervisor sends at every closed bar.</summary>
public sealed class MarketObserverSpecs
{
    [Fact]
    public void Should_read_the_same_as_the_domain_indicators_fed_bar_by_bar()
    {
        // arrange
        var observer = new MarketObserver(Eth, returnWindow: 60, volatilityWindow: 60, atrPeriod: 14);
        var returns = new ReturnTracker(Eth, 60);
        var volatility = new RealizedVolatility(60, TimeSpan.FromMinutes(1));
        var atr = new AverageTrueRange(14);
        observer.WarmUp(Bars.Take(FirstLive).ToArray());
        foreach (var bar in Bars.Take(FirstLive))
        {
            returns.Observe(bar);
            volatility.Update(bar);
            atr.Update(bar);
        }

        // act
        var reading = observer.Observe(Bars[FirstLive], markPrice: 1_850m)!;

        // assert
        var expected = returns.Observe(Bars[FirstLive])!;
        volatility.Update(Bars[FirstLive]);
        atr.Update(Bars[FirstLive]);
        Assert.Equal(Bars[FirstLive].OpenTimeMs + 60_000, reading.TimestampMs);
        Assert.Equal(1_850m, reading.MarkPrice);
        Assert.Equal(expected.Return, reading.BarReturn);
        Assert.Equal(expected.RecentStdDev, reading.RecentStdDev);
        Assert.Equal(SymbolRiskView.Reading(volatility.Annualized), reading.Volatility);
        Assert.Equal(SymbolRiskView.Reading(atr.Value), reading.AverageTrueRange);
        Assert.NotNull(reading.Volatility);
    }

    [Fact]
    public void Should_put_history_that_arrives_late_before_the_live_bars()
    {
        // arrange: two live bars come before the history
        var late = new MarketObserver(Eth, 60, 60, 14);
        var inOrder = new MarketObserver(Eth, 60, 60, 14);
        late.Observe(Bars[FirstLive], null);
        late.Observe(Bars[FirstLive + 1], null);

        // act: the history overlaps the live bars; those are not fed twice
        late.WarmUp(Bars.Take(FirstLive + 2).ToArray());
        inOrder.WarmUp(Bars.Take(FirstLive + 2).ToArray());

        // assert
        Assert.Equal(inOrder.Observe(Bars[FirstLive + 2], null), late.Observe(Bars[FirstLive + 2], null));
    }

    [Fact]
    public void Should_ignore_repeated_and_malformed_bars()
    {
        // arrange
        var observer = new MarketObserver(Eth, 60, 60, 14);
        observer.Observe(Bars[0], null);

        // act
        var repeated = observer.Observe(Bars[0], null);
        var inverted = observer.Observe(Bars[1] with { High = Bars[1].Low - 1m }, null);
        var next = observer.Observe(Bars[1], null);

        // assert
        Assert.Null(repeated);
        Assert.Null(inverted);
        Assert.Equal((Bars[1].Close / Bars[0].Close) - 1m, next!.BarReturn);
    }

    [Fact]
    public void Should_ignore_history_once_live_bars_filled_the_windows()
    {
        // arrange
        var observer = new MarketObserver(Eth, 2, 2, 1);
        foreach (var bar in Bars.Skip(10).Take(observer.BarsNeeded))
        {
            observer.Observe(bar, null);
        }

        // act
        observer.WarmUp(Bars.Take(10).ToArray());

        // assert: still reading from where the live bars left off
        Assert.True(observer.IsWarmedUp);
        var next = observer.Observe(Bars[10 + observer.BarsNeeded], null)!;
        Assert.Equal((Bars[10 + observer.BarsNeeded].Close / Bars[9 + observer.BarsNeeded].Close) - 1m, next.BarReturn);
    }
}
