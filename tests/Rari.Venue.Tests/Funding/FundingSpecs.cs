using Rari.Domain.Market;
using Rari.Domain.Portfolio;
using Rari.TestKit;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Funding;

/// <summary>Funding: −quantity × mark × rate at every multiple of the interval (UTC), from recorded, fed or configured rates.</summary>
public sealed class FundingSpecs
{
    private const long HourMs = 3_600_000L;
    private const long EightAm = TestKlines.Jan2024Ms + (8 * HourMs);

    private static VenueHarness LongAliceShortBob(SymbolSettings? settings = null)
    {
        var venue = new VenueHarness(settings: settings);
        venue.Venue.OpenAccount(Bob, 10_000m);
        venue.OpenAt(1m, 30_000m);
        venue.OpenAt(-1m, 30_000m, Bob);
        venue.Price(30_000m);
        venue.Drain();
        return venue;
    }

    [Fact]
    public void Should_make_longs_pay_shorts_at_the_funding_time_when_the_rate_is_positive()
    {
        // arrange: the configured default rate is 0.01 %
        var venue = LongAliceShortBob();
        var wallets = (Alice: venue.Wallet(), Bob: venue.Wallet(Bob));

        // act
        venue.Venue.AdvanceTime(EightAm - 1);
        var before = venue.Drain();
        venue.Venue.AdvanceTime(EightAm + 30_000);
        var events = venue.Drain().OfType<AccountUpdated>().ToList();

        // assert
        Assert.Empty(before);
        Assert.Equal([Alice, Bob], events.Select(e => e.Account));
        Assert.All(events, e => Assert.Equal(AccountUpdateReason.FundingFee, e.Reason));
        Assert.All(events, e => Assert.Equal(EightAm, e.TimeMs));
        Assert.Equal([-3m, 3m], events.Select(e => e.Balance.BalanceChange));
        Assert.All(events, e => Assert.Empty(e.Positions)); // cross positions: balance only
        Assert.Equal(wallets.Alice - 3m, venue.Wallet());
        Assert.Equal(wallets.Bob + 3m, venue.Wallet(Bob));
        var income = Assert.Single(venue.Venue.GetIncome(Alice, type: IncomeType.FundingFee).Value);
        Assert.Equal((Btc, -3m, EightAm), (income.Symbol!.Value, income.Income, income.TimeMs));
    }

    [Fact]
    public void Should_settle_the_mark_feeds_rate_clamped_to_the_cap()
    {
        // arrange
        var venue = LongAliceShortBob();

        // act
        venue.Venue.OnMarkPrice(Btc, 31_000m, 31_000m, 0.0005m, EightAm - 1_000);
        venue.Venue.AdvanceTime(EightAm);
        var first = venue.Drain().OfType<AccountUpdated>().First(e => e.Account == Alice);
        venue.Venue.OnMarkPrice(Btc, 31_000m, 31_000m, 0.05m, EightAm + HourMs);
        venue.Venue.AdvanceTime(EightAm + (8 * HourMs));
        var second = venue.Drain().OfType<AccountUpdated>().First(e => e.Account == Alice);

        // assert
        Assert.Equal(-15.5m, first.Balance.BalanceChange);  // 1 × 31,000 × 0.05 %
        Assert.Equal(-930m, second.Balance.BalanceChange);  // the 5 % estimate is capped at 3 %
    }

    [Fact]
    public void Should_use_a_recorded_rate_for_its_funding_time_and_advance_the_clock_to_it()
    {
        // arrange
        var venue = LongAliceShortBob();

        // act: Binance's recorded funding times lag the grid by a few milliseconds
        venue.Venue.OnFundingRate(new FundingRateUpdate(Btc, -0.0002m, EightAm + 4));
        var events = venue.Drain().OfType<AccountUpdated>().ToList();

        // assert
        Assert.Equal([6m, -6m], events.Select(e => e.Balance.BalanceChange)); // shorts pay longs
        Assert.All(events, e => Assert.Equal(EightAm, e.TimeMs));
        Assert.Equal(EightAm + 4, venue.Venue.NowMs);
    }

    [Fact]
    public void Should_follow_the_symbols_own_funding_interval()
    {
        // arrange
        var venue = LongAliceShortBob(new SymbolSettings { FundingIntervalHours = 4 });

        // act
        venue.Venue.AdvanceTime(EightAm);
        var times = venue.Drain().OfType<AccountUpdated>().Where(e => e.Account == Alice).Select(e => e.TimeMs);

        // assert
        Assert.Equal([TestKlines.Jan2024Ms + (4 * HourMs), EightAm], times);
    }

    [Fact]
    public void Should_list_an_isolated_position_in_its_funding_update()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        venue.OpenAt(-0.5m, 30_000m);
        var walletBefore = venue.Venue.GetPositionRisk(Alice, Btc).Value[0].IsolatedWallet;
        venue.Drain();

        // act
        venue.Venue.AdvanceTime(EightAm);
        var update = Assert.Single(venue.Drain().OfType<AccountUpdated>());

        // assert
        Assert.Equal(1.5m, update.Balance.BalanceChange); // the short receives 0.5 × 30,000 × 0.01 %
        var position = Assert.Single(update.Positions);
        Assert.Equal(walletBefore + 1.5m, position.IsolatedWallet);
    }

    [Fact]
    public void Should_charge_nothing_to_an_account_without_a_position()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        venue.Venue.AdvanceTime(EightAm);

        // assert
        Assert.Empty(venue.Drain());
        Assert.Empty(venue.Venue.GetIncome(Alice).Value);
    }
}
