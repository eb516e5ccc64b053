using Rari.Aster.Signing;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Auth;

public sealed class V1AuthenticationSpecs : IAsyncLifetime
{
    private const long Now = 1_750_000_000_000;
    private readonly TestClock _clock = new(Now);
    private readonly RecordingTradingApi _trading = new();
    private readonly HmacSigner _signer = new(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
    private SimHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = _clock }, _ => _trading);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_accept_a_signed_request_and_name_its_account()
    {
        // act
        var (status, body, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&timestamp={Now}");

        // assert
        Assert.Equal(200, status);
        Assert.Equal("test", body.GetProperty("account").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_signed_request_without_an_api_key_with_2014()
    {
        // act
        var (status, body, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&timestamp={Now}", apiKey: null);

        // assert
        Assert.Equal(401, status);
        Assert.Equal(-2014, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_an_unknown_api_key_with_2015()
    {
        // act
        var (status, body, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&timestamp={Now}", apiKey: "no-such-key");

        // assert
        Assert.Equal(401, status);
        Assert.Equal(-2015, body.GetProperty("code").GetInt32());
        Assert.Equal("Invalid API-key, IP, or permissions for action.", body.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_refuse_another_accounts_key_with_1022()
    {
        // act: signed with the test secret, sent with the docs account's key
        var (status, body, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&timestamp={Now}", apiKey: TestAccounts.DocApiKey);

        // assert
        Assert.Equal(400, status);
        Assert.Equal(-1022, body.GetProperty("code").GetInt32());
        Assert.Equal("Signature for this request is not valid.", body.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_missing_signature_or_timestamp_with_1102()
    {
        // act
        var (_, noSignature, _) = await _host.GetAsync($"/fapi/v1/openOrders?symbol=BTCUSDT&timestamp={Now}", TestAccounts.TestApiKey);
        var (_, noTimestamp, _) = await GetOpenOrdersAsync("symbol=BTCUSDT");

        // assert
        Assert.Equal(-1102, noSignature.GetProperty("code").GetInt32());
        Assert.Contains("'signature'", noSignature.GetProperty("msg").GetString());
        Assert.Equal(-1102, noTimestamp.GetProperty("code").GetInt32());
        Assert.Contains("'timestamp'", noTimestamp.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_signature_that_is_not_the_last_parameter()
    {
        // arrange
        var text = $"symbol=BTCUSDT&timestamp={Now}";
        var query = $"signature={_signer.ComputeSignature(text)}&{text}";

        // act
        var (_, body, _) = await _host.GetAsync("/fapi/v1/openOrders?" + query, TestAccounts.TestApiKey);

        // assert
        Assert.Equal(-1102, body.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(999, null, 200)]
    [InlineData(1000, null, -1021)]
    [InlineData(-5000, null, 200)]
    [InlineData(-5001, null, -1021)]
    [InlineData(-60000, 60000, 200)]
    [InlineData(-60001, 60000, -1021)]
    [InlineData(-100, 100, 200)]
    [InlineData(-101, 100, -1021)]
    public async Task Should_apply_the_timestamp_window_rule(long offsetMs, int? recvWindow, int expected)
    {
        // arrange: accept iff timestamp < server + 1000 and server - timestamp <= recvWindow (default 5000)
        var window = recvWindow is null ? string.Empty : $"&recvWindow={recvWindow}";

        // act
        var (status, body, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT{window}&timestamp={Now + offsetMs}");

        // assert
        Assert.Equal(expected, status == 200 ? 200 : body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_explain_which_side_of_the_window_a_timestamp_missed()
    {
        // act
        var (_, ahead, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&timestamp={Now + 1000}");
        var (_, late, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&timestamp={Now - 5001}");

        // assert
        Assert.Equal("Timestamp for this request was 1000ms ahead of the server's time.", ahead.GetProperty("msg").GetString());
        Assert.Equal("Timestamp for this request is outside of the recvWindow.", late.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData(60001)]
    [InlineData(0)]
    public async Task Should_refuse_a_recv_window_outside_1_to_60000_with_1130(int recvWindow)
    {
        // act
        var (_, body, _) = await GetOpenOrdersAsync($"symbol=BTCUSDT&recvWindow={recvWindow}&timestamp={Now}");

        // assert
        Assert.Equal(-1130, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_compare_the_signature_without_regard_to_hex_case()
    {
        // arrange
        var text = $"symbol=BTCUSDT&timestamp={Now}";
        var query = SignatureParameter.Append(text, _signer.ComputeSignature(text).ToUpperInvariant());

        // act
        var (status, _, _) = await _host.GetAsync("/fapi/v1/openOrders?" + query, TestAccounts.TestApiKey);

        // assert
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Should_let_market_data_and_user_stream_endpoints_through_with_the_key_alone()
    {
        // act
        var (historical, _, _) = await _host.GetAsync("/fapi/v1/historicalTrades?symbol=BTCUSDT", TestAccounts.TestApiKey);
        var (noKey, noKeyBody, _) = await _host.GetAsync("/fapi/v1/historicalTrades?symbol=BTCUSDT");
        var (listenKey, listenKeyBody, _) = await _host.SendAsync(HttpMethod.Post, "/fapi/v1/listenKey", apiKey: TestAccounts.TestApiKey);

        // assert
        Assert.Equal(200, historical);
        Assert.Equal(401, noKey);
        Assert.Equal(-2014, noKeyBody.GetProperty("code").GetInt32());
        Assert.Equal(200, listenKey);
        Assert.Equal(64, listenKeyBody.GetProperty("listenKey").GetString()!.Length);
    }

    [Fact]
    public async Task Should_use_the_wall_clock_for_server_time()
    {
        // act
        var (_, body, _) = await _host.GetAsync("/fapi/v1/time");

        // assert
        Assert.Equal(Now, body.GetProperty("serverTime").GetInt64());
    }

    private Task<(int Status, System.Text.Json.JsonElement Body, HttpResponseMessage Response)> GetOpenOrdersAsync(
        string text, string? apiKey = TestAccounts.TestApiKey) =>
        _host.GetAsync("/fapi/v1/openOrders?" + SignatureParameter.Append(text, _signer.ComputeSignature(text)), apiKey);
}
