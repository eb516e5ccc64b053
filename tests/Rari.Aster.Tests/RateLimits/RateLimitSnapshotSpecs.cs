using Rari.Aster.RateLimits;

namespace Rari.Aster.Tests.RateLimits;

public sealed class RateLimitSnapshotSpecs
{
    [Fact]
    public void Should_pick_the_window_of_a_type_with_the_largest_share_of_its_limit_used()
    {
        // arrange: 30 of 300 orders in ten seconds (10 %) against 600 of 1,200 in a minute (50 %); weight is another type
        var snapshot = new RateLimitSnapshot(
            [
                new RateLimitWindow(new RateLimitRule(RateLimitType.Orders, 10_000, 300), 0, 30, 0),
                new RateLimitWindow(new RateLimitRule(RateLimitType.Orders, 60_000, 1_200), 0, 600, 1),
                new RateLimitWindow(new RateLimitRule(RateLimitType.RequestWeight, 60_000, 2_400), 0, 2_300, 0),
            ],
            null,
            null);

        // act
        var tightest = snapshot.Tightest(RateLimitType.Orders);

        // assert
        Assert.Equal(60_000, tightest!.Rule.IntervalMs); // <--
        Assert.Null((snapshot with { Windows = [] }).Tightest(RateLimitType.Orders));
    }
}
