using Rari.Aster.RateLimits;

namespace Rari.Aster.Tests.RateLimits;

public sealed class RateLimitUsageSpecs
{
    [Theory]
    [InlineData("X-MBX-USED-WEIGHT-1M", "37", RateLimitType.RequestWeight, 60_000, 37)]
    [InlineData("x-mbx-used-weight-1m", " 2400 ", RateLimitType.RequestWeight, 60_000, 2400)]
    [InlineData("X-MBX-ORDER-COUNT-10S", "3", RateLimitType.Orders, 10_000, 3)]
    [InlineData("X-MBX-ORDER-COUNT-1D", "150", RateLimitType.Orders, 86_400_000, 150)]
    [InlineData("X-MBX-USED-WEIGHT-2H", "0", RateLimitType.RequestWeight, 7_200_000, 0)]
    public void Should_read_the_venues_usage_headers(string name, string value, RateLimitType type, long intervalMs, long used)
    {
        // act
        var parsed = RateLimitUsage.TryParse(name, value, out var usage);

        // assert
        Assert.True(parsed);
        Assert.Equal(new RateLimitUsage(type, intervalMs, used), usage);
    }

    [Theory]
    [InlineData("Content-Type", "application/json")]
    [InlineData("X-MBX-USED-WEIGHT-", "3")]
    [InlineData("X-MBX-USED-WEIGHT-1X", "3")]
    [InlineData("X-MBX-USED-WEIGHT-0M", "3")]
    [InlineData("X-MBX-USED-WEIGHT-1M", "-3")]
    [InlineData("X-MBX-USED-WEIGHT-1M", "lots")]
    public void Should_ignore_other_or_malformed_headers(string name, string value)
    {
        // act
        var parsed = RateLimitUsage.TryParse(name, value, out _);

        // assert
        Assert.False(parsed);
    }

    [Fact]
    public void Should_read_every_usage_header_of_a_response()
    {
        // arrange
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["Date"] = ["Tue, 06 May 2025 00:00:10 GMT"],
            ["X-MBX-USED-WEIGHT-1M"] = ["12"],
            ["X-MBX-ORDER-COUNT-1M"] = ["4"],
        };

        // act
        var usages = RateLimitUsage.ReadAll(headers);

        // assert
        Assert.Equal(
            [new RateLimitUsage(RateLimitType.RequestWeight, 60_000, 12), new RateLimitUsage(RateLimitType.Orders, 60_000, 4)],
            usages);
    }

    [Theory]
    [InlineData("REQUEST_WEIGHT", RateLimitType.RequestWeight)]
    [InlineData("ORDERS", RateLimitType.Orders)]
    [InlineData("RAW_REQUESTS", RateLimitType.RawRequests)]
    [InlineData("SOMETHING_NEW", RateLimitType.Unknown)]
    public void Should_read_the_rate_limit_types_of_exchange_info(string text, RateLimitType expected)
    {
        // act
        var type = RateLimitRule.ParseType(text);

        // assert
        Assert.Equal(expected, type);
    }
}
