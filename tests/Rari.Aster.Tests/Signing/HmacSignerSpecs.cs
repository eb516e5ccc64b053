using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class HmacSignerSpecs
{
    private const string Secret = "test-secret-0123456789abcdef0123456789abcdef0123456789abcdef0123";

    [Theory]
    [MemberData(nameof(SigningVectors.V1Ids), MemberType = typeof(SigningVectors))]
    public void Should_sign_the_total_params_of_every_v1_vector(string id)
    {
        // arrange
        var vector = SigningVectors.V1(id);
        var signer = SignerOf(vector);
        var query = SigningVectors.Text(vector, "query_string");
        var body = SigningVectors.Text(vector, "request_body");

        // act
        var fromParts = signer.ComputeSignature(query, body);
        var fromTotal = signer.ComputeSignature(SigningVectors.Required(vector, "signed_string_totalParams"));

        // assert
        Assert.Equal(SigningVectors.Required(vector, "signed_string_totalParams"), query + body); // no '&' between them
        Assert.Equal(SigningVectors.Required(vector, "signature_hex"), fromParts); // <--
        Assert.Equal(fromParts, fromTotal);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.V1Ids), MemberType = typeof(SigningVectors))]
    public void Should_rebuild_the_transmitted_text_of_every_v1_vector_from_its_parameters(string id)
    {
        // arrange
        var vector = SigningVectors.V1(id);
        var signer = SignerOf(vector);
        var total = SigningVectors.Required(vector, "signed_string_totalParams");
        var query = SigningVectors.Text(vector, "query_string");
        var body = SigningVectors.Text(vector, "request_body");
        var finalQuery = SigningVectors.QueryOf(SigningVectors.Required(vector, "final_url"));
        var finalBody = SigningVectors.Text(vector, "final_body");

        // act + assert
        if (query is not null && body is not null)
        {
            // Mixed: the signature ends the body and covers query + body.
            var signature = signer.ComputeSignature(query, body);
            Assert.Equal(query, finalQuery);
            Assert.Equal(finalBody, SignatureParameter.Append(body, signature));
            return;
        }

        var (parameters, timestamp, recvWindow) = Decompose(total);
        var signed = signer.Sign(parameters, timestamp, recvWindow);
        Assert.Equal(total, signed.Parameters);
        Assert.Equal(SigningVectors.Required(vector, "signature_hex"), signed.Signature);
        Assert.Equal(finalBody ?? finalQuery, signed.Payload);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.V1Ids), MemberType = typeof(SigningVectors))]
    public void Should_verify_every_v1_vector_as_received(string id)
    {
        // arrange
        var vector = SigningVectors.V1(id);
        var signer = SignerOf(vector);

        // act
        var verdict = signer.Verify(
            SigningVectors.QueryOf(SigningVectors.Required(vector, "final_url")), SigningVectors.Text(vector, "final_body"));

        // assert
        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Fact]
    public void Should_accept_an_uppercase_signature_and_reject_a_tampered_parameter()
    {
        // arrange
        var signer = new HmacSigner(new V1Credentials("test-apikey-not-real", Secret));
        var signed = signer.Sign(new ParameterStringBuilder().Add("symbol", "BTCUSDT").Add("quantity", 0.010m), 1750000000123, 5000);
        var upper = SignatureParameter.Append(signed.Parameters, signed.Signature.ToUpperInvariant());
        var tampered = signed.Payload.Replace("quantity=0.010", "quantity=0.011", StringComparison.Ordinal);

        // act
        var upperVerdict = signer.Verify(upper, null);
        var tamperedVerdict = signer.Verify(null, tampered);

        // assert
        Assert.True(upperVerdict.IsValid, upperVerdict.Reason);
        Assert.Equal(SignatureFailure.Mismatch, tamperedVerdict.Failure);
    }

    [Theory]
    [InlineData("symbol=BTCUSDT&timestamp=1", SignatureFailure.Missing)]
    [InlineData("symbol=BTCUSDT&signature=abc", SignatureFailure.Malformed)]
    [InlineData("signature=e54fa0b6e42236fced341c32f277ec8982de989814b08dc84caff20c67541668&symbol=BTCUSDT", SignatureFailure.Missing)]
    [InlineData("symbol=BTCUSDT&signature=zz4fa0b6e42236fced341c32f277ec8982de989814b08dc84caff20c67541668", SignatureFailure.Malformed)]
    public void Should_refuse_a_missing_misplaced_or_malformed_signature(string body, SignatureFailure failure)
    {
        // arrange
        var signer = new HmacSigner(new V1Credentials("test-apikey-not-real", Secret));

        // act
        var verdict = signer.Verify(null, body);

        // assert
        Assert.Equal(failure, verdict.Failure);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Fact]
    public void Should_append_recv_window_before_timestamp_and_omit_it_when_not_given()
    {
        // arrange
        var signer = new HmacSigner(new V1Credentials("k", Secret));

        // act
        var withWindow = signer.Sign(new ParameterStringBuilder().Add("symbol", "BTCUSDT"), 1750000000123, 5000);
        var withoutWindow = signer.Sign(new ParameterStringBuilder().Add("symbol", "BTCUSDT"), 1750000000123);
        var empty = signer.Sign(new ParameterStringBuilder(), 1750000000123);

        // assert
        Assert.Equal("symbol=BTCUSDT&recvWindow=5000&timestamp=1750000000123", withWindow.Parameters);
        Assert.Equal("symbol=BTCUSDT&timestamp=1750000000123", withoutWindow.Parameters);
        Assert.Equal("timestamp=1750000000123", empty.Parameters);
        Assert.EndsWith("&signature=" + empty.Signature, empty.Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(60_001)]
    public void Should_reject_a_recv_window_outside_one_to_sixty_thousand_ms(int recvWindow)
    {
        // arrange
        var signer = new HmacSigner(new V1Credentials("k", Secret));

        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => signer.Sign(new ParameterStringBuilder(), 1, recvWindow));
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("recvWindow")]
    [InlineData("signature")]
    public void Should_refuse_parameters_that_the_signer_appends_itself(string name)
    {
        // arrange
        var signer = new HmacSigner(new V1Credentials("k", Secret));

        // act
        var error = Assert.Throws<ArgumentException>(() => signer.Sign(new ParameterStringBuilder().Add(name, "1"), 1));

        // assert
        Assert.Contains($"'{name}'", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void Should_name_itself_by_the_start_of_the_api_key_only()
    {
        // arrange
        var signer = new HmacSigner(new V1Credentials("dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83", Secret));

        // act
        var text = signer.ToString();

        // assert
        Assert.Equal("HmacSigner { ApiKey = dbef… (64 chars) }", text);
        Assert.Equal("dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83", signer.ApiKey);
    }

    private static HmacSigner SignerOf(System.Text.Json.JsonElement vector) =>
        new(new V1Credentials(SigningVectors.Required(vector, "api_key"), SigningVectors.Required(vector, "secret")));

    private static (ParameterStringBuilder Parameters, long Timestamp, int? RecvWindow) Decompose(string total)
    {
        var parameters = new ParameterStringBuilder();
        long timestamp = 0;
        int? recvWindow = null;
        foreach (var pair in total.Split('&'))
        {
            var (name, value) = (pair[..pair.IndexOf('=')], Uri.UnescapeDataString(pair[(pair.IndexOf('=') + 1)..]));
            switch (name)
            {
                case "timestamp":
                    timestamp = long.Parse(value);
                    break;
                case "recvWindow":
                    recvWindow = int.Parse(value);
                    break;
                default:
                    parameters.Add(name, value);
                    break;
            }
        }

        return (parameters, timestamp, recvWindow);
    }
}
