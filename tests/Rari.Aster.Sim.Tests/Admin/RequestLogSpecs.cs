using Rari.Aster.Signing;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Admin;

public sealed class RequestLogSpecs
{
    [Fact]
    public async Task Should_log_every_request_with_its_outcome()
    {
        // arrange
        var clock = new TestClock(1_750_000_000_000);
        var trading = new RecordingTradingApi();
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock }, _ => trading);
        var signer = new HmacSigner(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
        const string text = "symbol=BTCUSDT&orderId=7&timestamp=1750000000000";
        var body = SignatureParameter.Append(text, signer.ComputeSignature("recvWindow=6000", text));
        await host.GetAsync("/fapi/v1/ping");
        await host.SendAsync(HttpMethod.Delete, "/fapi/v1/order?recvWindow=6000", body, TestAccounts.TestApiKey);
        await host.GetAsync("/fapi/v1/depth?symbol=NOPE");

        // act
        var log = await host.AdminAsync(HttpMethod.Get, "/_sim/requests");

        // assert
        Assert.Equal(3, log.GetArrayLength());
        var ping = log[0];
        Assert.Equal("GET", ping.GetProperty("method").GetString());
        Assert.Equal("/fapi/v1/ping", ping.GetProperty("path").GetString());
        Assert.Equal(200, ping.GetProperty("status").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ping.GetProperty("account").ValueKind);
        Assert.Equal(1_750_000_000_000, ping.GetProperty("timeMs").GetInt64());
        var cancel = log[1];
        Assert.Equal("DELETE", cancel.GetProperty("method").GetString());
        Assert.Equal("recvWindow=6000", cancel.GetProperty("query").GetString());
        Assert.Equal(body, cancel.GetProperty("body").GetString());
        Assert.Equal("test", cancel.GetProperty("account").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cancel.GetProperty("errorCode").ValueKind);
        var refused = log[2];
        Assert.Equal(400, refused.GetProperty("status").GetInt32());
        Assert.Equal(-1121, refused.GetProperty("errorCode").GetInt32());
        Assert.True(log[0].GetProperty("id").GetInt64() < log[1].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Should_never_store_an_api_secret()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });
        await host.SendAsync(HttpMethod.Post, "/fapi/v1/listenKey", apiKey: TestAccounts.TestApiKey);
        await host.GetAsync("/fapi/v1/openOrders?symbol=BTCUSDT&timestamp=1&signature=00", TestAccounts.DocApiKey);

        // act
        var (_, _, response) = await host.GetAsync("/_sim/requests");
        var text = await response.Content.ReadAsStringAsync();

        // assert
        Assert.DoesNotContain(TestAccounts.TestSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccounts.DocSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccounts.TestApiKey, text, StringComparison.Ordinal);
        Assert.Contains("signature=00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_filter_by_path_and_forget_on_delete()
    {
        // arrange
        await using var host = await SimHost.StartAsync();
        await host.GetAsync("/fapi/v1/ping");
        await host.GetAsync("/fapi/v1/time");

        // act
        var filtered = await host.AdminAsync(HttpMethod.Get, "/_sim/requests?path=/time");
        await host.AdminAsync(HttpMethod.Delete, "/_sim/requests");
        var cleared = await host.AdminAsync(HttpMethod.Get, "/_sim/requests");

        // assert
        Assert.Equal("/fapi/v1/time", Assert.Single(filtered.EnumerateArray()).GetProperty("path").GetString());
        Assert.Equal(0, cleared.GetArrayLength());
    }

    [Fact]
    public async Task Should_not_log_admin_requests_or_charge_them_weight()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { RateLimits = new() { RequestWeightPerMinute = 1 } });

        // act
        for (var i = 0; i < 5; i++)
        {
            await host.AdminAsync(HttpMethod.Get, "/_sim/clock");
        }

        var (status, _, _) = await host.GetAsync("/fapi/v1/ping");
        var log = await host.AdminAsync(HttpMethod.Get, "/_sim/requests");

        // assert
        Assert.Equal(200, status);
        Assert.Equal("/fapi/v1/ping", Assert.Single(log.EnumerateArray()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task Should_answer_an_unknown_admin_path_with_404()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var (status, body, _) = await host.GetAsync("/_sim/orders");

        // assert
        Assert.Equal(404, status);
        Assert.Equal(-1020, body.GetProperty("code").GetInt32());
    }
}
