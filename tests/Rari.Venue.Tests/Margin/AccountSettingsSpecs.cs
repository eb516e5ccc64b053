using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;
using Rari.Venue.Commands;
using Rari.Venue.Events;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Margin;

/// <summary>Leverage, margin type, position mode and isolated margin: the rules and codes of §3.4 and §6.3.</summary>
public sealed class AccountSettingsSpecs
{
    [Theory]
    [InlineData(0)]
    [InlineData(126)]
    [InlineData(-5)]
    public void Should_refuse_a_leverage_outside_one_to_the_bracket_maximum(int leverage)
    {
        // arrange
        var venue = new VenueHarness();

        // act
        var error = venue.Venue.ChangeLeverage(Alice, Btc, leverage).Error!;

        // assert
        Assert.Equal(-4028, error.Code);
        Assert.Equal($"Leverage {leverage} is not valid", error.Message);
    }

    [Theory]
    [InlineData(125, 50_000)]
    [InlineData(100, 600_000)]
    [InlineData(50, 12_000_000)]
    [InlineData(20, 100_000_000)]
    [InlineData(1, 1_800_000_000)]
    public void Should_answer_a_leverage_change_with_the_maximum_notional_of_its_brackets(int leverage, long maxNotional)
    {
        // arrange
        var venue = new VenueHarness();

        // act
        var changed = venue.Venue.ChangeLeverage(Alice, Btc, leverage).Value;

        // assert
        Assert.Equal(new LeverageChanged(Btc, leverage, maxNotional), changed);
        Assert.Equal(leverage, venue.Venue.GetPositionRisk(Alice, Btc).Value[0].Leverage);
    }

    [Fact]
    public void Should_cap_leverage_at_the_bracket_maximum_of_each_symbol()
    {
        // arrange: SOLUSDT's table allows at most 50x
        var venue = new VenueHarness(instrument: TestInstruments.SolUsdt);
        var sol = TestInstruments.SolUsdt.Symbol;

        // act
        var tooHigh = venue.Venue.ChangeLeverage(Alice, sol, 51);
        var highest = venue.Venue.ChangeLeverage(Alice, sol, 50);

        // assert
        Assert.Equal(-4028, tooHigh.Error!.Code);
        Assert.True(highest.IsSuccess);
    }

    [Fact]
    public void Should_refuse_lowering_isolated_leverage_with_a_position_but_allow_raising_it()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        venue.OpenAt(0.1m, 30_000m);

        // act
        var lower = venue.Venue.ChangeLeverage(Alice, Btc, 10);
        var higher = venue.Venue.ChangeLeverage(Alice, Btc, 25);

        // assert
        Assert.Equal(-4161, lower.Error!.Code);
        Assert.Equal(25, higher.Value.Leverage);
    }

    [Fact]
    public void Should_refuse_a_leverage_whose_maximum_notional_the_position_exceeds()
    {
        // arrange: 21 BTC at 30,000 is 630,000 of notional; 100x allows 600,000
        var venue = new VenueHarness(wallet: 100_000m);
        venue.OpenAt(21m, 30_000m);

        // act
        var error = venue.Venue.ChangeLeverage(Alice, Btc, 100).Error!;

        // assert
        Assert.Equal(-2027, error.Code);
    }

    [Fact]
    public void Should_change_the_margin_type_only_without_orders_or_a_position()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var unchanged = venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Cross);
        var order = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var withOrder = venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        venue.Venue.CancelOrder(Alice, Btc, Venue.Orders.OrderReference.ById(order.OrderId.Value));
        venue.Place(Market(OrderSide.Buy, 0.1m));
        var withPosition = venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        venue.Place(Market(OrderSide.Sell, 0.1m));
        var changed = venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);

        // assert
        Assert.Equal([-4046, -4047, -4048], new[] { unchanged, withOrder, withPosition }.Select(r => r.Error!.Code));
        Assert.Equal(MarginType.Isolated, changed.Value);
        Assert.Equal(MarginType.Isolated, venue.Venue.GetPositionRisk(Alice, Btc).Value[0].MarginType);
    }

    [Fact]
    public void Should_change_the_position_mode_only_without_any_order_or_position()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var unchanged = venue.Venue.ChangePositionMode(Alice, PositionMode.OneWay);
        var order = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var withOrder = venue.Venue.ChangePositionMode(Alice, PositionMode.Hedge);
        venue.Venue.CancelOrder(Alice, Btc, Venue.Orders.OrderReference.ById(order.OrderId.Value));
        venue.Place(Market(OrderSide.Sell, 0.1m));
        var withPosition = venue.Venue.ChangePositionMode(Alice, PositionMode.Hedge);
        venue.Place(Market(OrderSide.Buy, 0.1m));
        var changed = venue.Venue.ChangePositionMode(Alice, PositionMode.Hedge);

        // assert
        Assert.Equal([-4059, -4067, -4068], new[] { unchanged, withOrder, withPosition }.Select(r => r.Error!.Code));
        Assert.Equal(PositionMode.Hedge, changed.Value);
        Assert.Equal(PositionMode.Hedge, venue.Venue.GetPositionMode(Alice).Value);
        Assert.Equal([PositionSide.Long, PositionSide.Short], venue.Venue.GetPositionRisk(Alice, Btc).Value.Select(r => r.PositionSide));
    }

    [Fact]
    public void Should_move_isolated_margin_in_and_out_within_the_limits()
    {
        // arrange: isolated 10x long 0.1 @ 30,000: 300 moved in, less the 0.6 maker fee
        var venue = new VenueHarness();
        venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        venue.Venue.ChangeLeverage(Alice, Btc, 10);
        venue.OpenAt(0.1m, 30_000m);
        venue.Drain();

        // act
        var added = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 100m, IsolatedMarginDirection.Add);
        var tooMuchOut = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 200m, IsolatedMarginDirection.Reduce);
        var reduced = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 99m, IsolatedMarginDirection.Reduce);
        var events = venue.Drain();

        // assert
        Assert.Equal(399.4m, added.Value.IsolatedWallet);
        Assert.Equal(-4051, tooMuchOut.Error!.Code);          // 399.4 − 200 = 199.4 < initial margin 300
        Assert.Equal(300.4m, reduced.Value.IsolatedWallet);
        var update = events.OfType<AccountUpdated>().First();
        Assert.Equal(AccountUpdateReason.MarginTransfer, update.Reason);
        Assert.Equal(399.4m, Assert.Single(update.Positions).IsolatedWallet);
        Assert.Equal(10_000m - 0.6m, update.Balance.WalletBalance);     // the wallet keeps the isolated margin
        Assert.Equal(10_000m - 0.6m - 399.4m, update.Balance.CrossWalletBalance);
    }

    [Fact]
    public void Should_refuse_isolated_margin_moves_that_do_not_apply()
    {
        // arrange
        var venue = new VenueHarness(wallet: 1_000m);
        venue.Price(30_000m);

        // act
        var zero = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 0m, IsolatedMarginDirection.Add);
        var cross = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 10m, IsolatedMarginDirection.Add);
        venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        var flat = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 10m, IsolatedMarginDirection.Add);
        var wrongSide = venue.Venue.ModifyIsolatedMargin(Alice, Btc, PositionSide.Long, 10m, IsolatedMarginDirection.Add);
        venue.Place(Market(OrderSide.Buy, 0.1m));
        var beyondAvailable = venue.Venue.ModifyIsolatedMargin(Alice, Btc, null, 900m, IsolatedMarginDirection.Add);

        // assert
        Assert.Equal([-4055, -4049, -4054, -4061, -4050], new[] { zero, cross, flat, wrongSide, beyondAvailable }.Select(r => r.Error!.Code));
    }

    [Fact]
    public void Should_book_transfers_in_and_out_and_refuse_withdrawing_more_than_is_available()
    {
        // arrange
        var venue = new VenueHarness(wallet: 1_000m);

        // act
        var deposit = venue.Venue.Transfer(Alice, 500m);
        var withdrawal = venue.Venue.Transfer(Alice, -200m);
        var tooMuch = venue.Venue.Transfer(Alice, -1_300.01m);
        var income = venue.Venue.GetIncome(Alice).Value;

        // assert
        Assert.Equal(1_500m, deposit.Value.WalletBalance);
        Assert.Equal(1_300m, withdrawal.Value.WalletBalance);
        Assert.Equal(-2018, tooMuch.Error!.Code);
        Assert.Equal([500m, -200m], income.Select(i => i.Income));
        Assert.Equal([deposit.Value.TransactionId, withdrawal.Value.TransactionId], income.Select(i => i.TransactionId));
        Assert.Equal(
            [AccountUpdateReason.Deposit, AccountUpdateReason.Withdraw],
            venue.Drain().OfType<AccountUpdated>().Select(e => e.Reason));
    }
}
