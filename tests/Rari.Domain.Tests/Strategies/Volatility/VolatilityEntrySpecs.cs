using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

public sealed class VolatilityEntrySpecs
{
    // Twelve quiet bars alternating 2000.0 / 2000.2: tiny returns, a range of [2000.0, 2000.2].
    private static IEnumerable<Kline> QuietBars() => Enumerable.Range(0, 12).Select(i => Bar(i, i % 2 == 0 ? 2000.0m : 2000.2m));

    // Twelve volatile bars alternating 1990 / 2004: large returns, a range of [1990, 2004].
    private static IEnumerable<Kline> VolatileBars() => Enumerable.Range(0, 12).Select(i => Bar(i, i % 2 == 0 ? 1990m : 2004m));

    private static VolatilityStrategy Strategy(VolatilitySettings settings) => new(VolId, Eth, settings);

    [Fact]
    public void Should_enter_long_at_market_on_a_breakout_with_volatility_expansion()
    {
        // arrange
        var strategy = Strategy(MomentumOnly);
        strategy.WarmUp(QuietBars());
        var breakout = Bar(12, 2010m, open: 2000.2m);

        // act
        var decision = strategy.OnKline(breakout, Context(CloseOf(breakout.OpenTimeMs)));

        // assert
        var signalled = decision.Single<EntrySignalled>();
        Assert.Equal(SignalKind.Momentum, signalled.Signal);
        Assert.Equal(PositionDirection.Long, signalled.Direction);
        Assert.Equal(60.3m, signalled.StopDistance); // 3 % of 2010
        var place = Assert.Single(decision.Places());
        Assert.Equal(OrderSide.Buy, place.Intent.Side);
        Assert.Equal(OrderType.Market, place.Intent.Type);
        Assert.Equal(0.497m, place.Intent.Quantity); // 1,000 USDT cap / 2010, rounded down to 0.001 <--
        Assert.Equal(Ids.Create(VolId, Eth, 1), place.Intent.ClientOrderId);
        Assert.True(strategy.Signals.IsExpanding);
    }

    [Fact]
    public void Should_enter_short_on_a_downside_breakout_with_volatility_expansion()
    {
        // arrange
        var strategy = Strategy(MomentumOnly);
        strategy.WarmUp(QuietBars());
        var breakdown = Bar(12, 1990m, open: 2000.2m);

        // act
        var decision = strategy.OnKline(breakdown, Context(CloseOf(breakdown.OpenTimeMs)));

        // assert
        Assert.Equal(PositionDirection.Short, decision.Single<EntrySignalled>().Direction);
        var place = Assert.Single(decision.Places());
        Assert.Equal(OrderSide.Sell, place.Intent.Side);
        Assert.Equal(0.502m, place.Intent.Quantity);
    }

    [Fact]
    public void Should_not_enter_on_a_breakout_without_volatility_expansion()
    {
        // arrange
        var strategy = Strategy(MomentumOnly);
        strategy.WarmUp(VolatileBars());
        var breakout = Bar(12, 2006m, open: 2004m); // above the 2004 high of the range

        // act
        var decision = strategy.OnKline(breakout, Context(CloseOf(breakout.OpenTimeMs)));

        // assert
        Assert.False(strategy.Signals.IsExpanding); // short σ ≈ 1.01 × long σ, below 1.5 ×
        Assert.True(decision.IsEmpty); // <--
        Assert.Equal(VolatilityPhase.Flat, strategy.State.Phase);
    }

    [Fact]
    public void Should_not_enter_on_the_extreme_bar_itself()
    {
        // arrange
        var strategy = Strategy(MeanReversionOnly);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)));
        var extreme = Bar(10, 1960m); // z = (1960 − 1992) / 16 = −2

        // act
        var decision = strategy.OnKline(extreme, Context(CloseOf(extreme.OpenTimeMs)));

        // assert
        Assert.True(decision.IsEmpty);
    }

    [Fact]
    public void Should_enter_long_when_the_bar_after_a_low_extreme_closes_back_toward_the_mean()
    {
        // arrange
        var strategy = Strategy(MeanReversionOnly);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs)));

        // assert
        var signalled = decision.Single<EntrySignalled>();
        Assert.Equal(SignalKind.MeanReversion, signalled.Signal);
        Assert.Equal(PositionDirection.Long, signalled.Direction);
        var place = Assert.Single(decision.Places());
        Assert.Equal(OrderSide.Buy, place.Intent.Side);
        Assert.Equal(0.507m, place.Intent.Quantity); // 1,000 / 1970 = 0.50761… → 0.507 <--
    }

    [Fact]
    public void Should_not_enter_when_the_bar_after_the_extreme_closes_further_away()
    {
        // arrange
        var strategy = Strategy(MeanReversionOnly);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        var further = Bar(11, 1955m, open: 1960m);

        // act
        var decision = strategy.OnKline(further, Context(CloseOf(further.OpenTimeMs)));

        // assert
        Assert.True(decision.IsEmpty);
    }

    [Fact]
    public void Should_enter_short_when_the_bar_after_a_high_extreme_closes_back_down()
    {
        // arrange
        var strategy = Strategy(MeanReversionOnly);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 2040m)));
        var confirmation = Bar(11, 2030m, open: 2040m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs)));

        // assert
        Assert.Equal(PositionDirection.Short, decision.Single<EntrySignalled>().Direction);
        Assert.Equal(OrderSide.Sell, Assert.Single(decision.Places()).Intent.Side);
    }

    [Fact]
    public void Should_arm_on_a_close_outside_the_bollinger_bands_and_enter_on_the_confirmation()
    {
        // arrange
        var settings = MeanReversionOnly with { MeanReversionTrigger = MeanReversionTrigger.BollingerBands, BollingerWidth = 1.5 };
        var strategy = Strategy(settings);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)));
        var extreme = Bar(10, 1960m); // lower band = 1992 − 1.5 × 16 = 1968 > 1960
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var onExtreme = strategy.OnKline(extreme, Context(CloseOf(extreme.OpenTimeMs)));
        var onConfirmation = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs)));

        // assert
        Assert.True(onExtreme.IsEmpty);
        Assert.Equal(SignalKind.MeanReversion, onConfirmation.Single<EntrySignalled>().Signal);
    }

    [Fact]
    public void Should_send_an_ioc_limit_through_the_touch_for_a_marketable_limit_entry()
    {
        // arrange
        var strategy = Strategy(MeanReversionOnly with { EntryOrder = EntryOrderStyle.MarketableLimit, MarketableLimitOffset = 0.001m });
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        strategy.OnBookTicker(new BookTicker(Eth, 1969.5m, 3m, 1970.5m, 2m, 1, T0), Context(T0));
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs)));

        // assert
        var intent = Assert.Single(decision.Places()).Intent;
        Assert.Equal(OrderType.Limit, intent.Type);
        Assert.Equal(TimeInForce.Ioc, intent.TimeInForce);
        Assert.Equal(1972.47m, intent.Price); // ask 1970.5 × 1.001 = 1972.4705, a buy rounds down
        Assert.Equal(0.506m, intent.Quantity); // 1,000 / 1972.47 = 0.50698… <--
    }

    [Fact]
    public void Should_rest_a_gtc_limit_at_the_best_bid_for_a_touch_entry()
    {
        // arrange
        var strategy = Strategy(MeanReversionOnly with { EntryOrder = EntryOrderStyle.LimitAtTouch });
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        strategy.OnBookTicker(new BookTicker(Eth, 1969.5m, 3m, 1970.5m, 2m, 1, T0), Context(T0));
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs)));

        // assert
        var intent = Assert.Single(decision.Places()).Intent;
        Assert.Equal(TimeInForce.Gtc, intent.TimeInForce);
        Assert.Equal(1969.5m, intent.Price);
        Assert.Equal(0.507m, intent.Quantity);
    }

    [Fact]
    public void Should_size_from_the_atr_when_the_stop_distance_comes_from_it()
    {
        // arrange
        var settings = MeanReversionOnly with { StopDistance = StopDistanceMode.AtrMultiple, AtrStopMultiple = 2m, MaxNotional = 1_000_000m };
        var strategy = Strategy(settings);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs)));

        // assert
        // Wilder ATR(3): 0 over the flat bars, (0 × 2 + 40) / 3 after the 40-point drop, then (40/3 × 2 + 10) / 3.
        var atr = (((40m / 3m) * 2m) + 10m) / 3m;
        var signalled = decision.Single<EntrySignalled>();
        Assert.Equal((double)(2m * atr), (double)signalled.StopDistance, 9);
        var expected = Math.Floor(10_000m * 0.01m / signalled.StopDistance * 1000m) / 1000m;
        Assert.Equal(expected, Assert.Single(decision.Places()).Intent.Quantity); // risk / (2 × ATR), 0.001 step
    }
}
