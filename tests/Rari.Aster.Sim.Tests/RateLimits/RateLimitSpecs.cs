using Rari.Aster.Signing;
using Rari.Aster.Sim.RateLimits;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.RateLimits;

public sealed class RateLimitSpecs
{
    // A minute boundary plus 15 s: the window ends in 45 s.
    private const long MinuteStart = 1_749_999_960_000;
    private const long Now = MinuteStart + 15_000;

    [Fact]
    public async Task Should_report_the_weight_used_on_every_response()
    {
        // arrange
        await using var host = await StartAsync(new RateLimitSettings());

        // act
        var (_, _, ping) = await host.GetAsync("/fapi/v1/ping");
        var (_, _, depth) = await host.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
        var (_, _, error) = await host.GetAsync("/fapi/v1/depth?symbol=NOPE");
        var (_, _, klines) = await host.GetAsync("/fapi/v3/klines?symbol=BTCUSDT&interval=1m&limit=1001");

        // assert: 1 + 20 + 10 (default limit 500) + 10 (limit over 1000)
        Assert.Equal("1", Header(ping, "X-MBX-USED-WEIGHT-1M"));
        Assert.Equal("21", Header(depth, "X-MBX-USED-WEIGHT-1M"));
        Assert.Equal("31", Header(error, "X-MBX-USED-WEIGHT-1M"));
        Assert.Equal("41", Header(klines, "X-MBX-USED-WEIGHT-1M"));
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_when_the_weight_is_spent()
    {
        // arrange
        await using var host = await StartAsync(new RateLimitSettings { RequestWeightPerMinute = 3 });
        for (var i = 0; i < 3; i++)
        {
            await host.GetAsync("/fapi/v1/ping");
        }

        // act
        var (status, body, response) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal(429, status);
        Assert.Equal(-1003, body.GetProperty("code").GetInt32());
        Assert.StartsWith("Too many requests; current limit of IP(127.0.0.1) request weight per minute is 3.", body.GetProperty("msg").GetString());
        Assert.Equal("45", Header(response, "Retry-After"));
        Assert.Equal("3", Header(response, "X-MBX-USED-WEIGHT-1M"));
    }

    [Fact]
    public async Task Should_start_afresh_in_the_next_minute()
    {
        // arrange
        var clock = new TestClock(Now);
        await using var host = await StartAsync(new RateLimitSettings { RequestWeightPerMinute = 2 }, clock);
        await host.GetAsync("/fapi/v1/ping");
        await host.GetAsync("/fapi/v1/ping");
        Assert.Equal(429, (await host.GetAsync("/fapi/v1/ping")).Status);

        // act
        clock.NowMs = MinuteStart + 60_000;
        var (status, _, response) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal(200, status);
        Assert.Equal("1", Header(response, "X-MBX-USED-WEIGHT-1M"));
    }

    [Fact]
    public async Task Should_ban_with_418_after_repeated_violations_and_double_the_next_ban()
    {
        // arrange: 1 request allowed, then 429, then 2 more violations are tolerated, the 3rd bans
        var clock = new TestClock(Now);
        await using var host = await StartAsync(new RateLimitSettings { RequestWeightPerMinute = 1, ViolationsBeforeBan = 2 }, clock);
        await host.GetAsync("/fapi/v1/ping");
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await host.GetAsync("/fapi/v1/ping")).Status);
        }

        // act
        var (banned, bannedBody, bannedResponse) = await host.GetAsync("/fapi/v1/ping");
        clock.NowMs += 120_000;
        var afterFirstBan = (await host.GetAsync("/fapi/v1/ping")).Status;
        for (var i = 0; i < 3; i++)
        {
            await host.GetAsync("/fapi/v1/ping");
        }

        var (_, _, secondBan) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal([429, 429, 429, 418], statuses);
        Assert.Equal(418, banned);
        Assert.Equal(-1003, bannedBody.GetProperty("code").GetInt32());
        Assert.Contains("IP banned until", bannedBody.GetProperty("msg").GetString());
        Assert.Equal("120", Header(bannedResponse, "Retry-After"));
        Assert.Equal(200, afterFirstBan);
        Assert.Equal("240", Header(secondBan, "Retry-After"));
    }

    [Fact]
    public async Task Should_extend_a_ban_for_an_ip_that_keeps_sending()
    {
        // arrange
        var clock = new TestClock(Now);
        await using var host = await StartAsync(new RateLimitSettings { RequestWeightPerMinute = 1, ViolationsBeforeBan = 1 }, clock);
        for (var i = 0; i < 3; i++)
        {
            await host.GetAsync("/fapi/v1/ping");
        }

        var (_, _, first) = await host.GetAsync("/fapi/v1/ping");
        clock.NowMs += 10_000;

        // act: two more requests while banned extend it to a 4-minute ban from now
        await host.GetAsync("/fapi/v1/ping");
        var (status, _, extended) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal("120", Header(first, "Retry-After"));
        Assert.Equal(418, status);
        Assert.Equal("240", Header(extended, "Retry-After"));
    }

    [Fact]
    public async Task Should_count_orders_per_account_and_refuse_past_the_limit_with_1015()
    {
        // arrange
        var clock = new TestClock(Now);
        var trading = new RecordingTradingApi();
        await using var host = await SimHost.StartAsync(
            o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock, RateLimits = new RateLimitSettings { OrdersPerMinute = 2 } }, _ => trading);
        var signer = new HmacSigner(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
        async Task<(int, System.Text.Json.JsonElement, HttpResponseMessage)> Order()
        {
            var text = $"symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timestamp={clock.NowMs}";
            return await host.SendAsync(HttpMethod.Post, "/fapi/v1/order", SignatureParameter.Append(text, signer.ComputeSignature(text)), TestAccounts.TestApiKey);
        }

        // act
        var (_, _, first) = await Order();
        var (_, _, second) = await Order();
        var (status, body, third) = await Order();
        var (_, _, query) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal("1", Header(first, "X-MBX-ORDER-COUNT-1M"));
        Assert.Equal("2", Header(second, "X-MBX-ORDER-COUNT-1M"));
        Assert.Equal(429, status);
        Assert.Equal(-1015, body.GetProperty("code").GetInt32());
        Assert.Equal("Too many new orders; current limit is 2 orders per MINUTE.", body.GetProperty("msg").GetString());
        Assert.Equal("45", Header(third, "Retry-After"));
        Assert.False(query.Headers.Contains("X-MBX-ORDER-COUNT-1M"));
        Assert.Equal(2, trading.Calls.Count);
    }

    [Fact]
    public async Task Should_declare_the_configured_limits_in_exchange_info()
    {
        // arrange
        await using var host = await StartAsync(new RateLimitSettings { RequestWeightPerMinute = 77, OrdersPerMinute = 5 });

        // act
        var (_, body, _) = await host.GetAsync("/fapi/v1/exchangeInfo");

        // assert
        var limits = body.GetProperty("rateLimits");
        Assert.Equal("""{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":77}""", limits[0].GetRawText());
        Assert.Equal("""{"rateLimitType":"ORDERS","interval":"MINUTE","intervalNum":1,"limit":5}""", limits[1].GetRawText());
    }

    private static Task<SimHost> StartAsync(RateLimitSettings limits, TestClock? clock = null) =>
        SimHost.StartAsync(o => o with { RateLimits = limits, TimeProvider = clock ?? new TestClock(Now) });

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
