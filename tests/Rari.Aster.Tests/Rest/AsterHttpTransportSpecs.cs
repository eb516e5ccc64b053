using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.RateLimits;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Rest;

public sealed class AsterHttpTransportSpecs
{
    private static readonly Symbol Btc = TestAccounts.BtcUsdt;

    [Fact]
    public async Task Should_send_v1_requests_that_the_hmac_verifier_accepts()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ => ScriptedResponse.Json(ServerScripts.OrderJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v1: TestAccounts.V1));
        var verifier = new HmacSigner(TestAccounts.V1);

        // act
        await client.QueryOrderAsync(Btc, OrderReference.ByClientId(new ClientOrderId("grid:BTC/1_a-b.c")));
        await client.PlaceOrderAsync(LimitOrder("grid:BTC/2"));
        await client.CancelOrderAsync(Btc, OrderReference.ById(new VenueOrderId(1001)));
        await client.GetDepthAsync(Btc, 5);

        // assert
        var sent = server.BusinessRequests;
        Assert.Equal(["GET", "POST", "DELETE", "GET"], sent.Select(r => r.Method));
        Assert.Equal(["/fapi/v1/order", "/fapi/v1/order", "/fapi/v1/order", "/fapi/v1/depth"], sent.Select(r => r.Path));
        Assert.All(sent.Take(3), r => Assert.True(verifier.Verify(r.Query, r.Body).IsValid)); // <--
        Assert.All(sent.Take(3), r => Assert.Equal(TestAccounts.V1ApiKey, r.Headers["X-MBX-APIKEY"]));
        Assert.Equal("origClientOrderId=grid%3ABTC%2F1_a-b.c", sent[0].Query[(sent[0].Query.IndexOf("origClientOrderId", StringComparison.Ordinal))..].Split('&')[0]);
        Assert.Equal("application/x-www-form-urlencoded", sent[1].Headers["Content-Type"]);
        Assert.Empty(sent[1].Query);
        Assert.Contains("recvWindow=5000&timestamp=", sent[1].Body);
        Assert.Equal("symbol=BTCUSDT&limit=5", sent[3].Query);
        Assert.False(sent[3].Headers.ContainsKey("X-MBX-APIKEY"));
    }

    [Fact]
    public async Task Should_send_v3_requests_that_the_eip712_verifier_accepts_with_increasing_persisted_nonces()
    {
        // arrange
        var issued = new ConcurrentQueue<long>();
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ => ScriptedResponse.Json(ServerScripts.OrderJson)));
        var options = TestAccounts.For(server, v3: TestAccounts.Agent) with { NonceIssued = issued.Enqueue };
        using var client = AsterRestClient.Create(options);

        // act
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.QueryOrderAsync(Btc, OrderReference.ById(new VenueOrderId(i + 1)))));
        await client.PlaceOrderAsync(LimitOrder("grid:BTC/3"));

        // assert
        var sent = server.BusinessRequests;
        var signer = TestAccounts.Agent.Signer;
        Assert.All(sent, r => Assert.True(V3SignatureVerifier.VerifyV3Payload(r.SignedText, signer, 1666).IsValid)); // <--
        Assert.All(sent, r => Assert.Equal(TestAccounts.AgentUser, r.Parameter("user")));
        var nonces = sent.Select(r => long.Parse(r.Parameter("nonce")!)).ToArray();
        Assert.Equal(nonces.Order(), issued.Order());
        Assert.Equal(nonces.Length, nonces.Distinct().Count());
        Assert.All(sent, r => Assert.False(r.Headers.ContainsKey("X-MBX-APIKEY")));
    }

    [Fact]
    public async Task Should_continue_after_the_persisted_last_nonce()
    {
        // arrange
        const long LastNonce = 4_000_000_000_000_000;
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ => ScriptedResponse.Json("[]")));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned) with { V3LastNonce = LastNonce });

        // act
        await client.GetBalancesAsync();
        await client.GetBalancesAsync();

        // assert
        Assert.Equal(["4000000000000001", "4000000000000002"], server.BusinessRequests.Select(r => r.Parameter("nonce")));
    }

    [Fact]
    public async Task Should_refuse_signed_endpoints_without_credentials_before_sending()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json("[]"));
        using var client = AsterRestClient.Create(TestAccounts.For(server));

        // act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetBalancesAsync());

        // assert
        Assert.Equal("GET /fapi/v3/balance needs credentials; configure V1 or V3 credentials in AsterClientOptions.", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Should_load_the_venues_usage_headers_into_the_shared_budget()
    {
        // arrange
        var headers = new Dictionary<string, string> { ["X-MBX-USED-WEIGHT-1M"] = "2391", ["X-MBX-ORDER-COUNT-1M"] = "17" };
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json("""{"symbol":"BTCUSDT","price":"1","time":1}""", headers: headers));
        using var client = AsterRestClient.Create(TestAccounts.For(server));

        // act
        await client.GetPriceTickersAsync(Btc);

        // assert
        var windows = client.Transport.Budget.Snapshot().Windows;
        Assert.Equal(2391, windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used);
        Assert.Equal(17, windows.Single(w => w.Rule.Type == RateLimitType.Orders).Used);
    }

    [Fact]
    public async Task Should_hold_every_caller_after_a_429_until_retry_after_has_passed()
    {
        // arrange
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000));
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? ScriptedResponse.Error(429, -1003, "Too many requests.", new Dictionary<string, string> { ["Retry-After"] = "5" })
            : ScriptedResponse.Json("""{"symbol":"BTCUSDT","price":"1","time":1}"""));
        using var client = AsterRestClient.Create(TestAccounts.For(server) with { MaxAttempts = 1 }, time: time);

        // act
        var refused = await Assert.ThrowsAsync<AsterRateLimitException>(() => client.GetPriceTickersAsync(Btc));
        var others = Enumerable.Range(0, 3).Select(_ => client.GetPriceTickersAsync(Btc)).ToArray();
        await Task.Delay(200);
        var sentDuringBackoff = server.Requests.Count;
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(10));

        // assert
        Assert.Equal(AsterErrorCategory.RateLimited, refused.Category);
        Assert.Equal(1_750_000_005_000, refused.BlockedUntilMs);
        Assert.Equal(1, sentDuringBackoff); // <-- nobody continued into a possible 418
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Should_stop_every_request_during_a_418_ban_and_say_so_loudly()
    {
        // arrange
        var logs = new CapturingLoggerFactory();
        await using var server = await LoopbackServer.StartAsync(_ =>
            ScriptedResponse.Error(418, -1003, "Way too many requests; IP banned until 4102444800000. Please use the websocket for live updates to avoid bans."));
        using var client = AsterRestClient.Create(TestAccounts.For(server), logs);

        // act
        var banned = await Assert.ThrowsAsync<AsterRateLimitException>(() => client.GetPriceTickersAsync(Btc));
        var refused = await Assert.ThrowsAsync<AsterRateLimitException>(() => client.GetPremiumIndexAsync(Btc));

        // assert
        Assert.True(banned.IsBan);
        Assert.Equal(4_102_444_800_000, banned.BlockedUntilMs);
        Assert.True(refused.IsBan);
        Assert.Null(refused.HttpStatus);
        Assert.Equal("/fapi/v3/premiumIndex", refused.Path);
        Assert.Single(server.Requests); // <-- the second call never left
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical && e.Message.Contains("BANNED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_repeat_a_read_after_a_server_error_but_not_beyond_the_attempt_limit()
    {
        // arrange
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(_ => Interlocked.Increment(ref calls) switch
        {
            1 => ScriptedResponse.Error(500, -1000, "An unknown error occured while processing the request."),
            2 => ScriptedResponse.Error(503, -1001, "Internal error; unable to process your request. Please try again."),
            _ => ScriptedResponse.Json("""{"symbol":"BTCUSDT","price":"65000.1","time":1}"""),
        });
        using var client = AsterRestClient.Create(TestAccounts.For(server) with { MaxAttempts = 3 });
        using var stingy = AsterRestClient.Create(TestAccounts.For(server) with { MaxAttempts = 1 });

        // act
        var ticker = await client.GetPriceTickersAsync(Btc);
        Interlocked.Exchange(ref calls, 0);
        var failure = await Assert.ThrowsAsync<AsterApiException>(() => stingy.GetPriceTickersAsync(Btc));

        // assert
        Assert.Equal(65000.1m, Assert.Single(ticker).Price);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(AsterErrorCategory.ServerError, failure.Category);
    }

    [Fact]
    public async Task Should_abandon_a_hanging_read_after_the_timeout_and_repeat_it()
    {
        // arrange
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(5))
            : ScriptedResponse.Json("""{"symbol":"BTCUSDT","price":"2","time":1}"""));
        using var client = AsterRestClient.Create(TestAccounts.For(server) with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        // act
        var ticker = await client.GetPriceTickersAsync(Btc);

        // assert
        Assert.Equal(2m, Assert.Single(ticker).Price);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Should_measure_the_clock_again_and_re_sign_after_a_refused_timestamp()
    {
        // arrange
        var orders = 0;
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ => Interlocked.Increment(ref orders) == 1
            ? ScriptedResponse.Error(400, -1021, "Timestamp for this request is outside of the recvWindow.")
            : ScriptedResponse.Json(ServerScripts.OrderJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v1: TestAccounts.V1));

        // act
        var placement = await client.PlaceOrderAsync(LimitOrder("grid-L1-0001"));

        // assert
        Assert.Equal(OrderPlacementOutcome.Placed, placement.Outcome);
        Assert.Equal(["/fapi/v1/time", "/fapi/v1/order", "/fapi/v1/time", "/fapi/v1/order"], server.Requests.Select(r => r.Path));
        var verifier = new HmacSigner(TestAccounts.V1);
        Assert.All(server.BusinessRequests, post => Assert.True(verifier.Verify(post.Query, post.Body).IsValid));
    }

    [Fact]
    public async Task Should_stamp_v1_requests_with_the_time_of_a_skewed_server()
    {
        // arrange
        const long SkewMs = 3_600_000; // the server runs an hour ahead
        await using var server = await LoopbackServer.StartAsync(
            ServerScripts.WithTime(() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + SkewMs, _ => ScriptedResponse.Json("[]")));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v1: TestAccounts.V1) with { ClockSyncSamples = 3 });

        // act
        var skew = await client.MeasureClockSkewAsync();
        await client.GetBalancesAsync();

        // assert
        Assert.InRange(skew.OffsetMs, SkewMs - 1_000, SkewMs + 1_000);
        Assert.Equal(3, skew.Samples);
        var stamped = long.Parse(server.BusinessRequests.Single().Parameter("timestamp")!);
        Assert.InRange(stamped - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), SkewMs - 3_000, SkewMs + 1_000);
    }

    internal static NewOrderRequest LimitOrder(string clientOrderId) => new()
    {
        Symbol = Btc,
        Side = OrderSide.Buy,
        Type = AsterOrderType.Limit,
        Quantity = 0.010m,
        Price = 65000.5m,
        TimeInForce = AsterTimeInForce.Gtc,
        ClientOrderId = new ClientOrderId(clientOrderId),
    };
}
