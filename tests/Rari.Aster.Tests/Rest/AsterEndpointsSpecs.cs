using Rari.Aster.RateLimits;
using Rari.Aster.Rest;
using Rari.Aster.Tests.Support;
using Rari.Domain.Market;

namespace Rari.Aster.Tests.Rest;

public sealed class AsterEndpointsSpecs
{
    public static TheoryData<string, string, string> Paths => new()
    {
        { nameof(AsterEndpoints.Balance), "/fapi/v2/balance", "/fapi/v3/balance" },
        { nameof(AsterEndpoints.PositionRisk), "/fapi/v2/positionRisk", "/fapi/v3/positionRisk" },
        { nameof(AsterEndpoints.Account), "/fapi/v4/account", "/fapi/v3/accountWithJoinMargin" },
        { nameof(AsterEndpoints.NewOrder), "/fapi/v1/order", "/fapi/v3/order" },
        { nameof(AsterEndpoints.Ticker24Hour), "/fapi/v1/ticker/24hr", "/fapi/v3/ticker/24hr" },
        { nameof(AsterEndpoints.CreateListenKey), "/fapi/v1/listenKey", "/fapi/v3/listenKey" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Should_use_the_paths_of_each_api_family(string name, string v1Path, string v3Path)
    {
        // arrange
        var endpoint = (AsterEndpoint)typeof(AsterEndpoints).GetProperty(name)!.GetValue(null)!;

        // act
        var paths = (endpoint.PathFor(AsterApiVersion.V1), endpoint.PathFor(AsterApiVersion.V3));

        // assert
        Assert.Equal((v1Path, v3Path), paths);
    }

    [Fact]
    public void Should_sign_user_stream_calls_only_in_v3_and_never_repeat_orders_or_margin_moves()
    {
        // act
        var listenKey = AsterEndpoints.CreateListenKey;

        // assert
        Assert.False(listenKey.IsSigned(AsterApiVersion.V1));
        Assert.True(listenKey.NeedsCredentials(AsterApiVersion.V1));
        Assert.True(listenKey.IsSigned(AsterApiVersion.V3));
        Assert.False(AsterEndpoints.Depth.NeedsCredentials(AsterApiVersion.V1));
        Assert.False(AsterEndpoints.NewOrder.IsSafeToRetry);
        Assert.False(AsterEndpoints.BatchOrders.IsSafeToRetry);
        Assert.False(AsterEndpoints.PositionMargin.IsSafeToRetry);
        Assert.True(AsterEndpoints.CancelOrder.IsSafeToRetry);
        Assert.True(AsterEndpoints.NewOrder.PlacesOrders);
        Assert.False(AsterEndpoints.CancelOrder.PlacesOrders);
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(499, 2)]
    [InlineData(500, 5)]
    [InlineData(1000, 5)]
    [InlineData(1500, 10)]
    public async Task Should_weigh_klines_by_their_limit(int? limit, int expectedWeight)
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json("[]"));
        using var client = AsterRestClient.Create(TestAccounts.For(server));

        // act
        await client.GetKlinesAsync(TestAccounts.BtcUsdt, KlineInterval.FifteenMinutes, 1_750_000_000_000, null, limit);

        // assert
        var sent = Assert.Single(server.Requests);
        Assert.Equal(limit is null ? "symbol=BTCUSDT&interval=15m&startTime=1750000000000" : $"symbol=BTCUSDT&interval=15m&startTime=1750000000000&limit={limit}", sent.Query);
        var used = client.Transport.Budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used;
        Assert.Equal(expectedWeight, used); // the venue's default limit is 500
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(50, 2)]
    [InlineData(100, 5)]
    [InlineData(500, 10)]
    [InlineData(1000, 20)]
    public async Task Should_weigh_depth_by_its_limit(int limit, int expectedWeight)
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json("""{"lastUpdateId":1,"bids":[],"asks":[]}"""));
        using var client = AsterRestClient.Create(TestAccounts.For(server));

        // act
        await client.GetDepthAsync(TestAccounts.BtcUsdt, limit);

        // assert
        Assert.Equal(expectedWeight, client.Transport.Budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used);
    }

    [Fact]
    public async Task Should_refuse_a_depth_limit_the_venue_does_not_offer()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json("{}"));
        using var client = AsterRestClient.Create(TestAccounts.For(server));

        // act
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetDepthAsync(TestAccounts.BtcUsdt, 30));

        // assert
        Assert.StartsWith("Depth limit must be 5, 10, 20, 50, 100, 500 or 1000.", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
