using Rari.Aster.Signing;
using Rari.Aster.Sim.Tests.Support;
using Rari.Aster.Sim.Trading;

namespace Rari.Aster.Sim.Tests.Http;

public sealed class RawRequestSpecs
{
    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task Should_read_the_form_body_of_every_method(string method)
    {
        // arrange
        var trading = new RecordingTradingApi();
        var clock = new TestClock(1_750_000_000_000);
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock }, _ => trading);
        var signer = new HmacSigner(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
        var body = "symbol=BTCUSDT&orderId=42&timestamp=1750000000000";
        var path = method switch { "DELETE" => "/fapi/v1/order", "PUT" => "/fapi/v1/listenKey", _ => "/fapi/v1/countdownCancelAll" };
        var signed = method == "PUT" ? body : SignatureParameter.Append(body, signer.ComputeSignature(body));

        // act
        var (status, json, _) = await host.SendAsync(new HttpMethod(method), path, signed, TestAccounts.TestApiKey);

        // assert
        if (method == "PUT")
        {
            // listenKey keepalive is USER_STREAM (key only) and -1125 without a key: the body was read, the route answered.
            Assert.Equal(-1125, json.GetProperty("code").GetInt32());
            return;
        }

        Assert.Equal(200, status);
        var call = Assert.Single(trading.Calls);
        Assert.Equal(method == "DELETE" ? TradingEndpoint.CancelOrder : TradingEndpoint.CountdownCancelAll, call.Endpoint);
        Assert.Equal("42", call.Parameters["orderId"]);
        Assert.Equal(signed, call.Parameters.RawBody);
    }

    [Fact]
    public async Task Should_give_query_values_precedence_and_sign_query_followed_by_body()
    {
        // arrange
        var trading = new RecordingTradingApi();
        var clock = new TestClock(1_750_000_000_000);
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock }, _ => trading);
        var signer = new HmacSigner(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
        const string query = "symbol=ETHUSDT&side=BUY";
        const string bodyText = "symbol=BTCUSDT&type=LIMIT&timestamp=1750000000000";
        var body = SignatureParameter.Append(bodyText, signer.ComputeSignature(query, bodyText));

        // act
        var (status, json, _) = await host.SendAsync(HttpMethod.Post, "/fapi/v1/order?" + query, body, TestAccounts.TestApiKey);

        // assert
        Assert.Equal(200, status);
        Assert.Equal("ETHUSDT", json.GetProperty("p_symbol").GetString());
        Assert.Equal("LIMIT", json.GetProperty("p_type").GetString());
        Assert.Equal(query, Assert.Single(trading.Calls).Parameters.RawQuery);
    }

    [Fact]
    public async Task Should_refuse_trading_with_1020_when_no_trading_engine_is_wired()
    {
        // arrange
        var clock = new TestClock(1_750_000_000_000);
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock });
        var signer = new HmacSigner(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
        const string text = "symbol=BTCUSDT&timestamp=1750000000000";

        // act
        var (status, json, _) = await host.SendAsync(
            HttpMethod.Get, "/fapi/v1/openOrders?" + SignatureParameter.Append(text, signer.ComputeSignature(text)), apiKey: TestAccounts.TestApiKey);

        // assert
        Assert.Equal(400, status);
        Assert.Equal(-1020, json.GetProperty("code").GetInt32());
        Assert.Equal("Trading endpoint OpenOrders is not available: this simulator runs without a trading engine.", json.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_answer_a_failing_handler_with_500_in_asters_shape()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File }, _ => new ThrowingTradingApi());

        // act
        var (status, json, _) = await host.SignedAsync(HttpMethod.Get, "/fapi/v1/openOrders", "symbol=BTCUSDT");

        // assert
        Assert.Equal(500, status);
        Assert.Equal("""{"code":-1000,"msg":"Internal error: InvalidOperationException: engine down"}""", json.GetRawText());
    }

    [Fact]
    public async Task Should_have_no_address_before_it_starts()
    {
        // arrange
        await using var server = new Rari.Aster.Sim.Hosting.SimServer(new Rari.Aster.Sim.Hosting.SimOptions());

        // act
        var error = Assert.Throws<InvalidOperationException>(() => server.BaseAddress);

        // assert
        Assert.Equal("The simulator is not started; call StartAsync first.", error.Message);
    }

    private sealed class ThrowingTradingApi : ISimTradingApi
    {
        public ValueTask<Rari.Aster.Sim.Http.SimReply> HandleAsync(TradingCall call, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("engine down");
    }
}
