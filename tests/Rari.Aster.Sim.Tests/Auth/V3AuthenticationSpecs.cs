using Rari.Aster.Signing;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Auth;

public sealed class V3AuthenticationSpecs : IAsyncLifetime
{
    private const long Now = 1_750_000_000_000;
    private readonly TestClock _clock = new(Now);
    private readonly RecordingTradingApi _trading = new();
    private readonly V3RequestSigner _ccxt = Signer(TestAccounts.CcxtKey, TestAccounts.CcxtUser);
    private readonly V3RequestSigner _agent = Signer(TestAccounts.AgentKey, TestAccounts.AgentUser);
    private SimHost _host = null!;
    private long _nonce = Now * 1000;

    public async Task InitializeAsync() =>
        _host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = _clock }, _ => _trading);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_accept_an_approved_agent_signing_for_its_user()
    {
        // act
        var (status, body, _) = await PostOrderAsync(_agent.Sign(Order(), NextNonce()).Payload);

        // assert
        Assert.Equal(200, status);
        Assert.Equal("agent", body.GetProperty("account").GetString());
    }

    [Fact]
    public async Task Should_accept_a_user_signing_for_itself()
    {
        // act
        var (status, body, _) = await PostOrderAsync(_ccxt.Sign(Order(), NextNonce()).Payload);

        // assert
        Assert.Equal(200, status);
        Assert.Equal("ccxt", body.GetProperty("account").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_replayed_nonce_with_4225()
    {
        // arrange
        var payload = _ccxt.Sign(Order(), NextNonce()).Payload;
        await PostOrderAsync(payload);

        // act
        var (status, body, _) = await PostOrderAsync(payload);

        // assert
        Assert.Equal(400, status);
        Assert.Equal(-4225, body.GetProperty("code").GetInt32());
        Assert.Equal("Nonce Expired: this nonce was already used.", body.GetProperty("msg").GetString());
        Assert.Single(_trading.Calls);
    }

    [Theory]
    [InlineData(10_000_000, 200)]
    [InlineData(10_000_001, -4225)]
    [InlineData(-10_000_000, 200)]
    [InlineData(-10_000_001, -4225)]
    public async Task Should_accept_nonces_within_ten_seconds_of_server_time_only(long offsetMicros, int expected)
    {
        // act
        var (status, body, _) = await PostOrderAsync(_ccxt.Sign(Order(), (Now * 1000) + offsetMicros).Payload);

        // assert
        Assert.Equal(expected, status == 200 ? 200 : body.GetProperty("code").GetInt32());
        if (expected != 200)
        {
            Assert.Equal("Nonce Expired", body.GetProperty("msg").GetString());
        }
    }

    [Fact]
    public async Task Should_refuse_a_signer_the_user_has_not_approved_with_1002()
    {
        // arrange: the ccxt wallet signs, claiming to act for the agent account's user
        var stranger = new V3RequestSigner(new V3Credentials(EthAddress.Parse(TestAccounts.AgentUser), EthPrivateKey.Parse(TestAccounts.CcxtKey)), 1666);

        // act
        var (status, body, _) = await PostOrderAsync(stranger.Sign(Order(), NextNonce()).Payload);

        // assert
        Assert.Equal(401, status);
        Assert.Equal(-1002, body.GetProperty("code").GetInt32());
        Assert.Empty(_trading.Calls);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_user_with_2015()
    {
        // arrange
        var unknown = Signer("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", null);

        // act
        var (status, body, _) = await PostOrderAsync(unknown.Sign(Order(), NextNonce()).Payload);

        // assert
        Assert.Equal(401, status);
        Assert.Equal(-2015, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_a_signature_made_under_another_chain_id_with_1022()
    {
        // arrange
        var testnet = new V3RequestSigner(new V3Credentials(EthAddress.Parse(TestAccounts.CcxtUser), EthPrivateKey.Parse(TestAccounts.CcxtKey)), 714);

        // act
        var (_, body, _) = await PostOrderAsync(testnet.Sign(Order(), NextNonce()).Payload);

        // assert
        Assert.Equal(-1022, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_a_claimed_signer_that_did_not_sign_with_1022()
    {
        // arrange: signed by the agent key but claiming the ccxt wallet as signer
        var signed = _agent.Sign(Order(), NextNonce());
        var payload = signed.Payload.Replace($"signer={TestAccounts.AgentSigner}", $"signer={TestAccounts.CcxtUser}", StringComparison.Ordinal);

        // act
        var (_, body, _) = await PostOrderAsync(payload);

        // assert
        Assert.Equal(-1022, body.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("user")]
    [InlineData("signer")]
    [InlineData("nonce")]
    [InlineData("signature")]
    public async Task Should_refuse_a_missing_identity_parameter_with_1102(string missing)
    {
        // arrange
        var signed = _ccxt.Sign(Order(), NextNonce());
        var payload = string.Join('&', signed.Payload.Split('&').Where(pair => !pair.StartsWith(missing + "=", StringComparison.Ordinal)));

        // act
        var (_, body, _) = await PostOrderAsync(payload);

        // assert
        Assert.Equal(-1102, body.GetProperty("code").GetInt32());
        Assert.Contains($"'{missing}'", body.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_accept_a_signature_without_0x_and_with_v_as_a_recovery_id()
    {
        // arrange
        var signed = _ccxt.Sign(Order(), NextNonce());
        var bytes = signed.Signature.ToBytes();
        bytes[64] -= 27;
        var payload = SignatureParameter.Append(signed.Message, Convert.ToHexStringLower(bytes));

        // act
        var (status, _, _) = await PostOrderAsync(payload);

        // assert
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Should_accept_everything_in_the_query_string_of_a_post()
    {
        // arrange: the docs' send_by_url puts the signed text in the query and leaves the body empty
        var payload = _agent.Sign(Order(), NextNonce()).Payload;

        // act
        var (status, body, _) = await _host.SendAsync(HttpMethod.Post, "/fapi/v3/order?" + payload);

        // assert
        Assert.Equal(200, status);
        Assert.Equal("agent", body.GetProperty("account").GetString());
    }

    [Fact]
    public async Task Should_check_ccxts_v4_account_call_as_v3()
    {
        // act
        var (status, body, _) = await _host.GetAsync("/fapi/v4/account?" + _ccxt.Sign(new ParameterStringBuilder(), NextNonce()).Payload);

        // assert
        Assert.Equal(200, status);
        Assert.Equal("Account", body.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Should_let_public_v3_endpoints_through_unsigned()
    {
        // act
        var (status, _, _) = await _host.GetAsync("/fapi/v3/historicalTrades?symbol=BTCUSDT");

        // assert
        Assert.Equal(200, status);
    }

    private static V3RequestSigner Signer(string key, string? user)
    {
        var privateKey = EthPrivateKey.Parse(key);
        return new V3RequestSigner(new V3Credentials(user is null ? privateKey.Address : EthAddress.Parse(user), privateKey), 1666);
    }

    private static ParameterStringBuilder Order() =>
        new ParameterStringBuilder().Add("symbol", "BTCUSDT").Add("side", "BUY").Add("type", "LIMIT").Add("quantity", 0.010m).Add("price", 65000.5m).Add("timeInForce", "GTC");

    private long NextNonce() => ++_nonce;

    private Task<(int Status, System.Text.Json.JsonElement Body, HttpResponseMessage Response)> PostOrderAsync(string payload) =>
        _host.SendAsync(HttpMethod.Post, "/fapi/v3/order", payload);
}
