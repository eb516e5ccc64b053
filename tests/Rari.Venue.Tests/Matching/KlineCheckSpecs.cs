using Rari.Domain.Market;
using Rari.TestKit;
using Rari.Venue.Events;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Matching;

/// <summary>
/// The venue's kline check: <see cref="SimulatedVenue.OnKline"/> refuses an inconsistent kline, and
/// <see cref="SimulatedVenue.IsConsistent"/> says exactly what it refuses; <see cref="SimulatedVenue.OnCheckedKline"/>
/// (for a caller that checked its bars once, as the backtester does) processes a consistent kline as OnKline does.
/// </summary>
public sealed class KlineCheckSpecs
{
    private const int Minutes = 3_000;

    public static TheoryData<string, decimal, decimal, decimal, decimal, decimal> Inconsistent => new()
    {
        { "low zero", 100m, 110m, 0m, 105m, 1m },
        { "low negative", 100m, 110m, -1m, 105m, 1m },
        { "open below low", 89.99m, 110m, 90m, 105m, 1m },
        { "close below low", 100m, 110m, 90m, 89.9m, 1m },
        { "open above high", 110.01m, 110m, 90m, 105m, 1m },
        { "close above high", 100m, 110.0m, 90m, 110.00001m, 1m },
        { "negative volume", 100m, 110m, 90m, 105m, -0.001m },
    };

    public static TheoryData<decimal, decimal, decimal, decimal, decimal> Consistent => new()
    {
        { 100m, 110m, 90m, 105m, 1m },
        { 90m, 110m, 90.000m, 110.0m, 0m },
        { 100.00m, 100m, 100.0m, 100m, 0.0m },
        { 0.0001m, 0.00010m, 0.0001m, 0.0001m, 5m },
    };

    [Theory]
    [MemberData(nameof(Inconsistent))]
    public void Should_refuse_an_inconsistent_kline_and_call_it_inconsistent(string what, decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        // arrange
        var venue = new VenueHarness();
        var kline = new Kline(TestKlines.Jan2024Ms, open, high, low, close, volume);

        // act
        var refused = Record.Exception(() => venue.Venue.OnKline(Btc, kline));

        // assert
        Assert.False(SimulatedVenue.IsConsistent(kline), what);
        Assert.IsType<ArgumentException>(refused);
        Assert.Contains("is inconsistent", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Consistent))]
    public void Should_accept_a_consistent_kline_at_any_scale_and_call_it_consistent(decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        // arrange
        var venue = new VenueHarness();
        var kline = new Kline(TestKlines.Jan2024Ms, open, high, low, close, volume);

        // act
        venue.Venue.OnKline(Btc, kline);

        // assert
        Assert.True(SimulatedVenue.IsConsistent(kline));
        Assert.Equal(TestKlines.Jan2024Ms + 59_999, venue.Venue.NowMs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void Should_give_the_same_events_and_accounts_for_checked_klines_as_for_klines_it_checks(int seed)
    {
        // arrange
        var klines = RandomOrderFlow.RecordedKlines(Minutes).ToList();
        var checkedFlow = new RandomOrderFlow(seed, checkedKlines: true);
        var plain = new RandomOrderFlow(seed);

        // act
        checkedFlow.Run(klines);
        plain.Run(klines);

        // assert
        Assert.All(klines, k => Assert.True(SimulatedVenue.IsConsistent(k)));
        Assert.Contains(checkedFlow.Events, e => e is OrderUpdated { Execution: ExecutionType.Trade });
        Assert.Equal(plain.Events.Count, checkedFlow.Events.Count);
        Assert.Equal(plain.Fingerprint(), checkedFlow.Fingerprint());
        foreach (var account in RandomOrderFlow.Accounts)
        {
            Assert.Equal(plain.Venue.GetAccountSummary(account).Value with { Positions = [] }, checkedFlow.Venue.GetAccountSummary(account).Value with { Positions = [] });
            Assert.Equal(plain.Venue.GetAccountSummary(account).Value.Positions, checkedFlow.Venue.GetAccountSummary(account).Value.Positions);
        }
    }
}
