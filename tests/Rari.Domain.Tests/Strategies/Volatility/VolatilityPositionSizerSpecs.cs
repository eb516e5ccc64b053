using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

public sealed class VolatilityPositionSizerSpecs
{
    // 10,000 equity, 1 % risk, price 2000 with a 3 % stop (60): the risk size is 100 / 60 = 1.6666… ETH.
    private static SizingRequest Request(
        decimal equity = 10_000m,
        decimal available = 10_000m,
        int leverage = 20,
        decimal fee = 0.0004m,
        decimal price = 2_000m,
        decimal stop = 60m,
        decimal risk = 0.01m,
        decimal maxNotional = 1_000_000m,
        decimal? kelly = null) =>
        new(equity, available, leverage, fee, price, stop, risk, maxNotional, kelly);

    private static PositionSize Size(SizingRequest request, OrderType type = OrderType.Market) =>
        VolatilityPositionSizer.Size(TestInstruments.EthUsdt, type, request);

    [Fact]
    public void Should_size_to_the_risk_divided_by_the_stop_distance_rounded_down_to_the_step()
    {
        // act
        var size = Size(Request());

        // assert
        Assert.Equal(1.666m, size.Quantity); // 100 / 60 = 1.6666… <--
        Assert.Equal(SizeLimit.Risk, size.LimitedBy);
        Assert.True(size.IsSized);
    }

    [Fact]
    public void Should_cap_the_size_at_the_largest_notional()
    {
        // act
        var size = Size(Request(maxNotional: 1_000m));

        // assert
        Assert.Equal(0.5m, size.Quantity); // 1,000 / 2,000
        Assert.Equal(SizeLimit.MaxNotional, size.LimitedBy);
    }

    [Fact]
    public void Should_cap_the_size_at_equity_times_leverage()
    {
        // act
        var size = Size(Request(equity: 1_000m, risk: 0.5m, stop: 1m, leverage: 2, available: 1_000_000m));

        // assert
        Assert.Equal(1m, size.Quantity); // 1,000 × 2 / 2,000
        Assert.Equal(SizeLimit.Leverage, size.LimitedBy);
    }

    [Fact]
    public void Should_cap_the_size_at_what_the_available_balance_can_margin_including_the_fee()
    {
        // act
        var size = Size(Request(available: 100m, leverage: 10, fee: 0.0004m));

        // assert
        Assert.Equal(0.498m, size.Quantity); // 100 / (2,000 × (0.1 + 0.0004)) = 0.49800…
        Assert.Equal(SizeLimit.AvailableBalance, size.LimitedBy);
    }

    [Fact]
    public void Should_cap_the_size_at_the_kelly_share_of_equity_at_risk()
    {
        // act
        var size = Size(Request(kelly: 0.005m));

        // assert
        Assert.Equal(0.833m, size.Quantity); // 10,000 × 0.005 / 60 = 0.8333…
        Assert.Equal(SizeLimit.Kelly, size.LimitedBy);
    }

    [Fact]
    public void Should_not_let_a_larger_kelly_share_raise_the_size_above_the_target_risk()
    {
        // act
        var size = Size(Request(kelly: 0.05m));

        // assert
        Assert.Equal(1.666m, size.Quantity);
        Assert.Equal(SizeLimit.Risk, size.LimitedBy);
    }

    [Fact]
    public void Should_skip_when_kelly_measures_no_edge()
    {
        // act
        var size = Size(Request(kelly: 0m));

        // assert
        Assert.Equal(EntrySkipReason.NoKellyEdge, size.Skip);
        Assert.Equal(0m, size.Quantity);
    }

    [Fact]
    public void Should_skip_rather_than_round_up_below_the_minimum_notional()
    {
        // act
        var size = Size(Request(equity: 10m)); // 0.1 / 60 = 0.00166… → 0.001, worth 2 USDT < 5

        // assert
        Assert.Equal(EntrySkipReason.BelowMinimum, size.Skip);
        Assert.Equal(
            "size 0.0016666666666666666666666667 (limited by Risk) rounds to 0.001, below min quantity 0.001 or min notional 5 at price 2000",
            size.Detail);
    }

    [Fact]
    public void Should_skip_when_there_is_nothing_to_risk()
    {
        // act
        var noEquity = Size(Request(equity: 0m));
        var noStop = Size(Request(stop: 0m));
        var noBalance = Size(Request(available: 0m));

        // assert
        Assert.Equal(EntrySkipReason.NothingToRisk, noEquity.Skip);
        Assert.Equal(EntrySkipReason.NothingToRisk, noStop.Skip);
        Assert.Equal(EntrySkipReason.NothingToRisk, noBalance.Skip);
    }

    [Fact]
    public void Should_keep_every_size_within_every_cap_and_on_the_step_grid()
    {
        // arrange
        var random = new Random(20240501);
        var instrument = TestInstruments.EthUsdt;

        for (var i = 0; i < 5_000; i++)
        {
            var request = Request(
                equity: random.Next(1, 100_000),
                available: random.Next(1, 100_000),
                leverage: random.Next(1, 51),
                fee: random.Next(0, 11) / 10_000m,
                price: random.Next(100, 500_000) / 100m,
                stop: random.Next(1, 10_000) / 100m,
                risk: random.Next(1, 501) / 1_000m,
                maxNotional: random.Next(10, 50_000),
                kelly: random.Next(0, 3) == 0 ? random.Next(1, 100) / 1_000m : null);

            // act
            var size = VolatilityPositionSizer.Size(instrument, OrderType.Market, request);

            // assert
            if (!size.IsSized)
            {
                continue;
            }

            var q = size.Quantity;
            Assert.True(q * request.StopDistance <= request.Equity * request.RiskPerTrade, "risk at the stop exceeds the target");
            Assert.True(q * request.Price <= request.MaxNotional, "above the largest notional");
            Assert.True(q * request.Price <= request.Equity * request.Leverage, "above equity × leverage");
            Assert.True(q * request.Price * ((1m / request.Leverage) + request.TakerFeeRate) <= request.AvailableBalance, "more margin than available");
            Assert.True(request.KellyFraction is not { } f || q * request.StopDistance <= request.Equity * f, "above the Kelly risk");
            Assert.True(q * request.Price >= instrument.MinNotional.Notional, "below min notional");
            Assert.True(instrument.MarketLotSize.IsOnStep(q), "off the step grid");
        }
    }
}
