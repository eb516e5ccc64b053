using Rari.Aster.Rest;
using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Rest;

public sealed class AsterClientOptionsSpecs
{
    private const string PrivateKey = "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string KeyAddress = "0xfcad0b19bb29d4674531d6f115237e16afce377c";
    private const string ApiKey = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    private const string ApiSecret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    [Fact]
    public void Should_default_to_mainnet_hosts_chain_and_recv_window()
    {
        // arrange
        var options = AsterClientOptions.Mainnet;

        // act
        var problems = options.Problems();

        // assert
        Assert.Empty(problems);
        Assert.Equal("https://fapi.asterdex.com/", options.RestBaseUrl.ToString());
        Assert.Equal("wss://fstream.asterdex.com/", options.WebSocketBaseUrl.ToString());
        Assert.Equal(1666, options.V3ChainId);
        Assert.Equal(5000, options.RecvWindowMs);
        Assert.Equal(AsterApiVersion.V3, options.ApiVersion);
        Assert.False(options.HasCredentials);
    }

    [Fact]
    public void Should_use_testnet_hosts_and_chain_714_for_testnet()
    {
        // arrange
        var options = AsterClientOptions.Testnet;

        // act
        var problems = options.Problems();

        // assert
        Assert.Empty(problems);
        Assert.Equal("fapi.asterdex-testnet.com", options.RestBaseUrl.Host);
        Assert.Equal("fstream.asterdex-testnet.com", options.WebSocketBaseUrl.Host);
        Assert.Equal(714, options.V3ChainId);
    }

    [Fact]
    public void Should_choose_v3_when_the_private_key_is_set()
    {
        // arrange
        var environment = new Dictionary<string, string?> { ["ASTER_PRIVATE_KEY"] = PrivateKey };

        // act
        var options = AsterClientOptions.FromEnvironment(environment.GetValueOrDefault);

        // assert
        Assert.Equal(AsterApiVersion.V3, options.ApiVersion);
        Assert.Equal(KeyAddress, options.V3Credentials!.Signer.ToLowerHex());
        Assert.Null(options.V1Credentials);
    }

    [Fact]
    public void Should_choose_v1_when_the_api_key_and_secret_are_set()
    {
        // arrange
        var environment = new Dictionary<string, string?> { ["ASTER_API_KEY"] = ApiKey, ["ASTER_API_SECRET"] = ApiSecret + "\n" };

        // act
        var options = AsterClientOptions.FromEnvironment(environment.GetValueOrDefault, AsterClientOptions.Testnet);

        // assert
        Assert.Equal(AsterApiVersion.V1, options.ApiVersion);
        Assert.Equal(ApiSecret, options.V1Credentials!.ApiSecret);
        Assert.Equal("fapi.asterdex-testnet.com", options.RestBaseUrl.Host); // <-- the template's hosts are kept
    }

    [Fact]
    public void Should_refuse_an_environment_with_both_kinds_of_credentials()
    {
        // arrange
        var environment = new Dictionary<string, string?>
        {
            ["ASTER_PRIVATE_KEY"] = PrivateKey,
            ["ASTER_API_KEY"] = ApiKey,
            ["ASTER_API_SECRET"] = ApiSecret,
        };

        // act
        var error = Assert.Throws<InvalidOperationException>(() => AsterClientOptions.FromEnvironment(environment.GetValueOrDefault));

        // assert
        Assert.Contains("set one kind only", error.Message);
        Assert.DoesNotContain(ApiSecret, error.Message);
        Assert.DoesNotContain(PrivateKey[2..], error.Message);
    }

    [Fact]
    public void Should_name_the_variables_when_no_credentials_are_set()
    {
        // arrange
        var environment = new Dictionary<string, string?>();

        // act
        var error = Assert.Throws<InvalidOperationException>(() => AsterClientOptions.FromEnvironment(environment.GetValueOrDefault));

        // assert
        Assert.Contains("ASTER_PRIVATE_KEY", error.Message);
        Assert.Contains("ASTER_API_KEY", error.Message);
    }

    [Fact]
    public void Should_report_a_v1_secret_missing_without_echoing_the_key()
    {
        // arrange
        var environment = new Dictionary<string, string?> { ["ASTER_API_KEY"] = ApiKey };

        // act
        var error = Assert.Throws<InvalidOperationException>(() => AsterClientOptions.FromEnvironment(environment.GetValueOrDefault));

        // assert
        Assert.Contains("ASTER_API_SECRET is not set", error.Message);
        Assert.DoesNotContain(ApiKey, error.Message);
    }

    [Fact]
    public void Should_list_every_bad_field_at_once()
    {
        // arrange
        var options = AsterClientOptions.Mainnet with
        {
            RestBaseUrl = new Uri("ftp://example.com"),
            WebSocketBaseUrl = new Uri("https://fstream.asterdex.com"),
            RecvWindowMs = 60_001,
            MaxAttempts = 0,
            RequestTimeout = TimeSpan.Zero,
            V3ChainId = 0,
        };

        // act
        var problems = options.Problems();
        var error = Assert.Throws<ArgumentException>(options.Validate);

        // assert
        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("RestBaseUrl ftp://example.com/ uses scheme 'ftp'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("WebSocketBaseUrl", StringComparison.Ordinal));
        Assert.Contains("RecvWindowMs is 60001; the venue accepts 1 to 60000 ms (5000 advised).", problems);
        Assert.Contains("MaxAttempts is 0; use 1 (no retries) to 10.", problems);
        Assert.Contains("RequestTimeout is 00:00:00; it must be positive.", problems);
        Assert.Contains("V3ChainId is 0; use 1666 for mainnet or 714 for testnet.", problems);
        Assert.All(problems, p => Assert.Contains(p, error.Message));
    }

    [Fact]
    public void Should_refuse_both_credential_kinds_in_code()
    {
        // arrange
        var options = AsterClientOptions.Mainnet with
        {
            V1Credentials = new V1Credentials(ApiKey, ApiSecret),
            V3Credentials = new V3Credentials(EthAddress.Parse(KeyAddress), EthPrivateKey.Parse(PrivateKey)),
        };

        // act
        var problems = options.Problems();

        // assert
        Assert.Equal(["V1Credentials and V3Credentials are both set; set one, which also chooses the API family."], problems);
    }

    [Fact]
    public void Should_catch_a_testnet_url_signed_for_the_mainnet_chain()
    {
        // arrange
        var options = AsterClientOptions.Testnet with
        {
            V3ChainId = 1666,
            V3Credentials = new V3Credentials(EthAddress.Parse(KeyAddress), EthPrivateKey.Parse(PrivateKey)),
        };

        // act
        var problems = options.Problems();

        // assert
        Assert.Equal(["V3ChainId is 1666 but fapi.asterdex-testnet.com signs with chain id 714; every signed request would be refused."], problems);
    }

    [Fact]
    public void Should_accept_any_url_for_the_simulator()
    {
        // arrange
        var options = AsterClientOptions.Mainnet with
        {
            RestBaseUrl = new Uri("http://127.0.0.1:5123"),
            WebSocketBaseUrl = new Uri("ws://127.0.0.1:5123/fstream"),
            V3Credentials = new V3Credentials(EthAddress.Parse(KeyAddress), EthPrivateKey.Parse(PrivateKey)),
        };

        // act
        var problems = options.Problems();

        // assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Should_never_show_secrets_in_to_string()
    {
        // arrange
        var v1 = AsterClientOptions.Mainnet with { V1Credentials = new V1Credentials(ApiKey, ApiSecret) };
        var v3 = AsterClientOptions.Mainnet with { V3Credentials = new V3Credentials(EthAddress.Parse(KeyAddress), EthPrivateKey.Parse(PrivateKey)) };

        // act
        var v1Text = v1.ToString();
        var v3Text = v3.ToString();

        // assert
        Assert.DoesNotContain(ApiSecret, v1Text);
        Assert.DoesNotContain(ApiKey, v1Text);
        Assert.Contains("Api = V1", v1Text);
        Assert.DoesNotContain(PrivateKey[2..], v3Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Api = V3", v3Text);
        Assert.Contains("[redacted]", v3Text);
    }

    [Theory]
    [InlineData(null, 5000)]
    [InlineData(2000, 2000)]
    public void Should_bound_the_v1_acceptance_window_by_the_recv_window(int? recvWindowMs, int expectedMs)
    {
        // arrange
        var options = AsterClientOptions.Mainnet with { V1Credentials = new V1Credentials(ApiKey, ApiSecret), RecvWindowMs = recvWindowMs };

        // act
        var window = options.RequestAcceptanceWindow;

        // assert
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), window);
    }

    [Fact]
    public void Should_bound_the_v3_acceptance_window_by_the_nonce_tolerance()
    {
        // arrange
        var options = AsterClientOptions.Mainnet;

        // act
        var window = options.RequestAcceptanceWindow;

        // assert
        Assert.Equal(TimeSpan.FromSeconds(10), window);
    }
}
