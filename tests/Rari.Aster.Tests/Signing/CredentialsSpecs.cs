using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class CredentialsSpecs
{
    private const string ApiKey = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    private const string ApiSecret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    private const string AgentKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string AgentAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string MainWallet = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private const string PatternKey = "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Should_show_only_the_start_of_the_api_key_and_never_the_secret()
    {
        // arrange
        var credentials = new V1Credentials(ApiKey, ApiSecret);

        // act
        var text = credentials.ToString();

        // assert
        Assert.Equal("V1Credentials { ApiKey = dbef… (64 chars), ApiSecret = [redacted] }", text);
        Assert.DoesNotContain(ApiSecret[..8], text);
        Assert.DoesNotContain(ApiSecret[..8], $"{credentials}");
    }

    [Fact]
    public void Should_read_v1_credentials_from_the_injected_environment()
    {
        // arrange
        var environment = Environment(("ASTER_API_KEY", ApiKey), ("ASTER_API_SECRET", ApiSecret));

        // act
        var credentials = V1Credentials.FromEnvironment(environment);

        // assert
        Assert.Equal(ApiKey, credentials.ApiKey);
        Assert.Equal(ApiSecret, credentials.ApiSecret);
    }

    [Theory]
    [InlineData(null, ApiSecret, "ASTER_API_KEY is not set.")]
    [InlineData(ApiKey, null, "ASTER_API_SECRET is not set.")]
    [InlineData(ApiKey, "2b5eb11e18796d12 d88f13dc", "ASTER_API_SECRET contains whitespace at position 17 of 25; check for a stray space or line break.")]
    [InlineData(ApiKey, "s3cr\u00e9tWithAccent", "ASTER_API_SECRET contains a character that is not printable ASCII at position 5 of 16.")]
    [InlineData("dbefbc80\t9e3e", "", "ASTER_API_KEY contains whitespace at position 9 of 13; check for a stray space or line break. ASTER_API_SECRET is not set.")]
    public void Should_say_what_is_wrong_with_v1_variables_without_echoing_them(string? key, string? secret, string expected)
    {
        // arrange
        var environment = Environment(("ASTER_API_KEY", key), ("ASTER_API_SECRET", secret));

        // act
        var error = Assert.Throws<InvalidOperationException>(() => V1Credentials.FromEnvironment(environment));

        // assert
        Assert.Equal($"Aster V1 credentials are unusable: {expected}", error.Message);
        Assert.DoesNotContain(ApiSecret[..8], error.Message);
        Assert.DoesNotContain(ApiKey[..8], error.Message);
    }

    [Fact]
    public void Should_drop_the_line_breaks_an_env_file_leaves_around_values()
    {
        // arrange
        var environment = Environment(("ASTER_API_KEY", " " + ApiKey + "\r\n"), ("ASTER_API_SECRET", ApiSecret + "\n"));

        // act
        var credentials = V1Credentials.FromEnvironment(environment);

        // assert
        Assert.Equal(ApiKey, credentials.ApiKey);
        Assert.Equal(ApiSecret, credentials.ApiSecret);
    }

    [Fact]
    public void Should_not_echo_a_bad_secret_from_the_constructor()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => new V1Credentials(ApiKey, "very-secret value"));

        // assert
        Assert.DoesNotContain("very-secret", error.Message);
        Assert.Equal("apiSecret", error.ParamName);
    }

    [Fact]
    public void Should_read_an_agent_identity_from_the_injected_environment()
    {
        // arrange
        var environment = Environment(("ASTER_USER", MainWallet), ("ASTER_SIGNER", AgentAddress.ToLowerInvariant()), ("ASTER_PRIVATE_KEY", AgentKey));

        // act
        var credentials = V3Credentials.FromEnvironment(environment);

        // assert
        Assert.Equal(EthAddress.Parse(MainWallet), credentials.User);
        Assert.Equal(EthAddress.Parse(AgentAddress), credentials.Signer);
        Assert.Equal(EthPrivateKey.Parse(AgentKey), credentials.PrivateKey);
        Assert.False(credentials.IsSelfSigned);
        Assert.Equal($"V3Credentials {{ User = {MainWallet}, Signer = {AgentAddress}, PrivateKey = [redacted] }}", credentials.ToString());
    }

    [Fact]
    public void Should_default_user_and_signer_to_the_key_address_like_ccxt()
    {
        // arrange
        var environment = Environment(("ASTER_PRIVATE_KEY", PatternKey[2..] + "\n"), ("ASTER_USER", "  "));

        // act
        var credentials = V3Credentials.FromEnvironment(environment);

        // assert
        Assert.Equal(EthAddress.Parse("0xfcad0b19bb29d4674531d6f115237e16afce377c"), credentials.User);
        Assert.True(credentials.IsSelfSigned);
    }

    [Fact]
    public void Should_fail_when_the_signer_is_not_the_address_of_the_private_key()
    {
        // arrange
        var environment = Environment(("ASTER_USER", MainWallet), ("ASTER_SIGNER", MainWallet), ("ASTER_PRIVATE_KEY", AgentKey));

        // act
        var error = Assert.Throws<InvalidOperationException>(() => V3Credentials.FromEnvironment(environment));

        // assert
        Assert.Equal(
            $"Aster V3 credentials are unusable: ASTER_SIGNER is {MainWallet} but ASTER_PRIVATE_KEY belongs to {AgentAddress}; " +
            "the signer must be the address of the key that signs.",
            error.Message);
        Assert.DoesNotContain(AgentKey[2..10], error.Message);
    }

    [Theory]
    [InlineData(null, null, MainWallet, "ASTER_PRIVATE_KEY is not set.")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff8", null, MainWallet, "ASTER_PRIVATE_KEY is not a private key: A private key has 64 hex digits (optionally after 0x); this one has 63 characters.")]
    [InlineData(AgentKey, null, AgentKey, "ASTER_USER is not an address: An address has 40 hex digits after 0x; this one has 64.")]
    [InlineData(AgentKey, null, "0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "ASTER_USER mixes upper and lower case but does not match its EIP-55 checksum; check it for a typo.")]
    [InlineData(AgentKey, "f39fd6e51aad88f6f4ce6ab8827279cfffb92266", MainWallet, "ASTER_SIGNER is not an address: An address starts with 0x; this text of 40 characters does not.")]
    public void Should_say_what_is_wrong_with_v3_variables_without_echoing_secrets(string? key, string? signer, string? user, string expected)
    {
        // arrange
        var environment = Environment(("ASTER_USER", user), ("ASTER_SIGNER", signer), ("ASTER_PRIVATE_KEY", key));

        // act
        var error = Assert.Throws<InvalidOperationException>(() => V3Credentials.FromEnvironment(environment));

        // assert
        Assert.Equal($"Aster V3 credentials are unusable: {expected}", error.Message);
        Assert.DoesNotContain("ac0974bec39a17e3", error.Message);
    }

    [Fact]
    public void Should_refuse_a_signer_that_does_not_belong_to_the_key_in_the_constructor()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() =>
            new V3Credentials(EthAddress.Parse(MainWallet), EthAddress.Parse(MainWallet), EthPrivateKey.Parse(AgentKey)));

        // assert
        Assert.Contains($"The signer is {MainWallet} but the private key belongs to {AgentAddress}", error.Message);
        Assert.DoesNotContain(AgentKey[2..10], error.Message);
    }

    [Fact]
    public void Should_never_show_secrets_in_the_text_of_any_signing_object()
    {
        // arrange
        var v1 = new V1Credentials(ApiKey, ApiSecret);
        var v3 = new V3Credentials(EthAddress.Parse(MainWallet), EthPrivateKey.Parse(AgentKey));
        var texts = new object[]
        {
            v1, v3, v3.PrivateKey, new HmacSigner(v1), new Eip712Signer(v3.PrivateKey, 1666), new V3RequestSigner(v3, 1666),
        }.Select(o => o.ToString()!);

        // act
        var all = string.Join("\n", texts);

        // assert
        Assert.DoesNotContain(ApiSecret[..8], all);
        Assert.DoesNotContain(ApiKey[4..12], all);
        Assert.DoesNotContain(AgentKey[2..10], all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AgentAddress, all);
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
