using System.Text.Json;
using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class V3RequestSignerSpecs
{
    private const string PatternKey = "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [MemberData(nameof(SigningVectors.V3CcxtIds), MemberType = typeof(SigningVectors))]
    public void Should_reproduce_every_ccxt_vector_from_its_business_parameters(string id)
    {
        // arrange
        var vector = SigningVectors.V3(id);
        var signer = new V3RequestSigner(CredentialsOf(vector), vector.GetProperty("chain_id").GetInt64());
        var parameters = new ParameterStringBuilder();
        foreach (var parameter in vector.GetProperty("params_passed_to_sign").EnumerateObject())
        {
            // ccxt sends lists (batchOrders) as compact JSON text, then encodeURIComponent.
            parameters.Add(parameter.Name, parameter.Value.ValueKind == JsonValueKind.String
                ? parameter.Value.GetString()!
                : JsonSerializer.Serialize(parameter.Value));
        }

        // act
        var signed = signer.Sign(parameters, long.Parse(SigningVectors.Required(vector, "nonce")));

        // assert
        Assert.Equal(SigningVectors.Required(vector, "signed_msg"), signed.Message);
        Assert.Equal(SigningVectors.Required(vector, "signature"), signed.Signature.ToHex()); // <--
        Assert.Equal(vector.GetProperty("signature_parts").GetProperty("v").GetInt32(), signed.Signature.V);
        Assert.Equal(TransmittedText(vector.GetProperty("request")), signed.Payload);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.V3DocIds), MemberType = typeof(SigningVectors))]
    public void Should_reproduce_every_docs_style_vector_with_the_docs_layout_and_quote_plus(string id)
    {
        // arrange
        var vector = SigningVectors.V3(id);
        var key = EthPrivateKey.Parse(SigningVectors.Required(vector, "private_key"));
        var user = EthAddress.Parse(SigningVectors.Text(vector, "user_address_checksummed") ?? "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var signer = new V3RequestSigner(new V3Credentials(user, key), vector.GetProperty("chain_id").GetInt64(), V3MessageLayout.Docs);
        var expected = SigningVectors.Required(vector, "signed_msg");
        var parameters = new ParameterStringBuilder(ParameterEncoding.FormPlus);
        foreach (var pair in expected[..expected.IndexOf("&nonce=", StringComparison.Ordinal)].Split('&'))
        {
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            parameters.Add(name, Uri.UnescapeDataString(value.Replace('+', ' ')));
        }

        // act
        var signed = signer.Sign(parameters, long.Parse(SigningVectors.Required(vector, "nonce")));

        // assert
        Assert.Equal(expected, signed.Message);
        Assert.Equal(SigningVectors.Required(vector, "signature"), signed.Signature.ToHex());
        Assert.Equal(TransmittedText(vector.GetProperty("request")), signed.Payload);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.V3Ids), MemberType = typeof(SigningVectors))]
    public void Should_sign_the_exact_message_of_every_v3_vector(string id)
    {
        // arrange
        var vector = SigningVectors.V3(id);
        var signer = new Eip712Signer(
            EthPrivateKey.Parse(SigningVectors.Required(vector, "private_key")), vector.GetProperty("chain_id").GetInt64());

        // act
        var signature = signer.SignMessage(SigningVectors.Required(vector, "signed_msg"));

        // assert
        Assert.Equal(SigningVectors.Required(vector, "signature"), signature.ToHex());
        if (vector.TryGetProperty("signature_parts", out var parts))
        {
            Assert.Equal(SigningVectors.Required(parts, "r"), Hex.Of(signature.R));
            Assert.Equal(SigningVectors.Required(parts, "s"), Hex.Of(signature.S));
        }
    }

    [Theory]
    [MemberData(nameof(SigningVectors.SignedWireCaptureIds), MemberType = typeof(SigningVectors))]
    public void Should_reproduce_the_signature_of_every_captured_ccxt_request(string capture)
    {
        // arrange
        var request = SigningVectors.WireCapture(capture);
        Assert.True(SignatureParameter.TrySplit(SigningVectors.SignedText(request), out var message, out var expected));
        var key = EthPrivateKey.Parse(PatternKey);
        var signer = new Eip712Signer(key, AsterEip712.MainnetChainId);

        // act
        var signature = message.Contains("&signer=", StringComparison.Ordinal)
            ? signer.SignMessage(message)
            : signer.SignStruct(ApproveBuilderOf(message)); // approveBuilder: main-wallet typed data, no signer param

        // assert
        Assert.Equal(expected, signature.ToHex());
    }

    [Fact]
    public void Should_sign_approve_builder_as_main_wallet_typed_data_that_recovers_to_the_user()
    {
        // arrange
        var request = SigningVectors.WireCapture("0/4");
        Assert.True(SignatureParameter.TrySplit(SigningVectors.Required(request, "body"), out var message, out var sent));
        var action = ApproveBuilderOf(message);

        // act
        var recovered = V3SignatureVerifier.RecoverSigner(AsterEip712.StructDigest(action, 1666), sent);

        // assert
        Assert.Equal(
            "ApproveBuilder(string Builder,string MaxFeeRate,string BuilderName,string AsterChain,string User,uint256 Nonce)",
            action.EncodeType());
        Assert.True(recovered.IsValid, recovered.Reason);
        Assert.Equal(EthAddress.Parse("0xfcad0b19bb29d4674531d6f115237e16afce377c"), recovered.RecoveredSigner);
    }

    [Fact]
    public void Should_put_identity_first_in_lowercase_for_the_ccxt_layout()
    {
        // arrange
        var key = EthPrivateKey.Parse(PatternKey);
        var signer = new V3RequestSigner(new V3Credentials(key.Address, key), AsterEip712.MainnetChainId);

        // act
        var message = signer.BuildMessage(new ParameterStringBuilder().Add("symbol", "BTCUSDT"), 1750000000123000);

        // assert
        Assert.Equal(
            "nonce=1750000000123000&user=0xfcad0b19bb29d4674531d6f115237e16afce377c&signer=0xfcad0b19bb29d4674531d6f115237e16afce377c&symbol=BTCUSDT",
            message);
    }

    [Fact]
    public void Should_send_only_the_identity_when_there_are_no_business_parameters()
    {
        // arrange
        var key = EthPrivateKey.Parse(PatternKey);
        var ccxt = new V3RequestSigner(new V3Credentials(key.Address, key), AsterEip712.MainnetChainId);
        var docs = new V3RequestSigner(new V3Credentials(key.Address, key), AsterEip712.MainnetChainId, V3MessageLayout.Docs);

        // act
        var ccxtMessage = ccxt.BuildMessage(new ParameterStringBuilder(), 5);
        var docsMessage = docs.BuildMessage(new ParameterStringBuilder(), 5);

        // assert
        Assert.Equal("nonce=5&user=0xfcad0b19bb29d4674531d6f115237e16afce377c&signer=0xfcad0b19bb29d4674531d6f115237e16afce377c", ccxtMessage);
        Assert.Equal("nonce=5&user=0xFCAd0B19bB29D4674531d6f115237E16AfCE377c&signer=0xFCAd0B19bB29D4674531d6f115237E16AfCE377c", docsMessage);
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("user")]
    [InlineData("signer")]
    [InlineData("signature")]
    public void Should_refuse_business_parameters_that_the_signer_adds_itself(string name)
    {
        // arrange
        var key = EthPrivateKey.Parse(PatternKey);
        var signer = new V3RequestSigner(new V3Credentials(key.Address, key), AsterEip712.MainnetChainId);

        // act
        var error = Assert.Throws<ArgumentException>(() => signer.Sign(new ParameterStringBuilder().Add(name, "x"), 1));

        // assert
        Assert.Contains($"'{name}'", error.Message);
    }

    [Fact]
    public void Should_not_show_the_private_key_in_to_string()
    {
        // arrange
        var key = EthPrivateKey.Parse(PatternKey);
        var signer = new V3RequestSigner(new V3Credentials(key.Address, key), AsterEip712.TestnetChainId);

        // act
        var text = signer + " " + new Eip712Signer(key, 1666) + " " + key;

        // assert
        Assert.DoesNotContain("0123456789abcdef0123", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ChainId = 714", text);
    }

    private static V3Credentials CredentialsOf(JsonElement vector) =>
        new(
            EthAddress.Parse(SigningVectors.Required(vector, "user_address")),
            EthAddress.Parse(SigningVectors.Required(vector, "signer_address")),
            EthPrivateKey.Parse(SigningVectors.Required(vector, "private_key")));

    private static string TransmittedText(JsonElement request) =>
        SigningVectors.Text(request, "body") ?? SigningVectors.QueryOf(SigningVectors.Required(request, "url"))!;

    private static Eip712Struct ApproveBuilderOf(string message)
    {
        var values = message.Split('&').ToDictionary(p => p[..p.IndexOf('=')], p => Uri.UnescapeDataString(p[(p.IndexOf('=') + 1)..]));
        return MainWalletActions.ApproveBuilder(
            values["builder"], values["maxFeeRate"], values["builderName"], values["asterChain"], values["user"], long.Parse(values["nonce"]));
    }
}
