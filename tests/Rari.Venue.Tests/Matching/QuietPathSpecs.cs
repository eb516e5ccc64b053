using Rari.Venue.Events;

namespace Rari.Venue.Tests.Matching;

/// <summary>
/// The quiet-path shortcut of <see cref="SimulatedVenue.OnKline"/> (a kline whose range reaches no order, trigger,
/// timer or margin band moves the price only) against the full path over the same seeded random order flow: the
/// events, fills, funding, margin calls and liquidations must be the very same.
/// </summary>
public sealed class QuietPathSpecs
{
    private const int Minutes = 6_000;

    public static TheoryData<int> Seeds => [1, 2, 3, 5, 8, 13, 21, 34];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_give_the_same_events_and_accounts_whether_quiet_klines_take_the_shortcut_or_the_full_path(int seed)
    {
        // arrange
        var klines = RandomOrderFlow.RecordedKlines(Minutes).ToList();
        var shortcut = new RandomOrderFlow(seed);
        var full = new RandomOrderFlow(seed, skipQuietPaths: false);

        // act
        shortcut.Run(klines);
        full.Run(klines);

        // assert: the shortcut was taken on a good share of the klines, the flow traded, and nothing differs
        Assert.True(shortcut.Venue.QuietPathsSkipped > Minutes / 20, $"only {shortcut.Venue.QuietPathsSkipped} of {Minutes} klines took the shortcut");
        Assert.Equal(0, full.Venue.QuietPathsSkipped);
        Assert.Contains(shortcut.Events, e => e is OrderUpdated { Execution: ExecutionType.Trade });
        Assert.Equal(full.Events.Count, shortcut.Events.Count);
        Assert.Equal(full.Fingerprint(), shortcut.Fingerprint());
        foreach (var account in RandomOrderFlow.Accounts)
        {
            var expected = full.Venue.GetAccountSummary(account).Value;
            var actual = shortcut.Venue.GetAccountSummary(account).Value;
            Assert.Equal(expected with { Positions = [] }, actual with { Positions = [] });
            Assert.Equal(expected.Positions, actual.Positions);
        }
    }
}
