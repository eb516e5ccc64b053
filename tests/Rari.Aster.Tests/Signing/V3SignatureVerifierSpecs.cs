using System.Globalization;
using System.Numerics;
using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class V3SignatureVerifierSpecs
{
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private const string AgentMessage =
        "nonce=1750000001000000&user=0x70997970c51812dc3a010c7d01b50e0d17dc79c8&signer=0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266&symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.010&price=65000.5&timeInForce=GTC&newClientOrderId=grid-L1-0001&positionSide=BOTH";

    private const string AgentSignature =
        "0x08d5aea9ddc84b0cb9e74e90b242ccb5521cf859ab224ce27e1b507274ce51c321b6e5cd456f0fa453be5c1abf2ec240ac96b592f4cb4f0e50f6e03564310e761c";

    private static readonly EthAddress Agent = EthAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

    [Theory]
    [MemberData(nameof(SigningVectors.V3Ids), MemberType = typeof(SigningVectors))]
    public void Should_verify_every_v3_vector_as_received(string id)
    {
        // arrange
        var vector = SigningVectors.V3(id);
        var request = vector.GetProperty("request");
        var raw = SigningVectors.Text(request, "body") ?? SigningVectors.QueryOf(SigningVectors.Required(request, "url"));
        var signer = EthPrivateKey.Parse(SigningVectors.Required(vector, "private_key")).Address;

        // act
        var verdict = V3SignatureVerifier.VerifyV3Payload(raw, signer, vector.GetProperty("chain_id").GetInt64());

        // assert
        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(signer, verdict.RecoveredSigner);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.SignedWireCaptureIds), MemberType = typeof(SigningVectors))]
    public void Should_recover_the_signer_of_every_captured_ccxt_request(string capture)
    {
        // arrange
        var raw = SigningVectors.SignedText(SigningVectors.WireCapture(capture));
        var expected = EthAddress.Parse("0xfcad0b19bb29d4674531d6f115237e16afce377c");

        // act
        var verdict = V3SignatureVerifier.VerifyV3Payload(raw, expected, AsterEip712.MainnetChainId);

        // assert: approveBuilder is typed data, not a Message, so it recovers to someone else
        if (raw!.Contains("&signer=", StringComparison.Ordinal))
        {
            Assert.True(verdict.IsValid, verdict.Reason);
        }
        else
        {
            Assert.Equal(SignatureFailure.Mismatch, verdict.Failure);
        }
    }

    [Fact]
    public void Should_recover_the_signer_of_200_random_messages_signed_by_random_keys()
    {
        // arrange
        var random = new Random(20260122);
        for (var i = 0; i < 200; i++)
        {
            var keyBytes = new byte[32];
            random.NextBytes(keyBytes);
            keyBytes[0] &= 0x7F; // stays below the curve order
            keyBytes[31] |= 0x01; // never zero
            var key = EthPrivateKey.FromBytes(keyBytes);
            var message = $"nonce={random.NextInt64(1, long.MaxValue)}&user={key.Address.ToLowerHex()}&signer={key.Address.ToLowerHex()}&n={random.Next()}";
            var chainId = random.Next(2) == 0 ? AsterEip712.MainnetChainId : AsterEip712.TestnetChainId;
            var signer = new Eip712Signer(key, chainId);

            // act
            var signature = signer.SignMessage(message);
            var verdict = V3SignatureVerifier.VerifyV3(message, signature.ToHex(), key.Address, chainId);

            // assert
            Assert.True(verdict.IsValid, verdict.Reason);
            Assert.Equal(key.Address, verdict.RecoveredSigner);
            Assert.True(new BigInteger(signature.S, isUnsigned: true, isBigEndian: true) <= CurveOrder / 2, "s must be low");
            Assert.Equal(signature, signer.SignMessage(message)); // deterministic (RFC 6979)
            Assert.Equal(signature, EthSignature.Parse(signature.ToHex()));
        }
    }

    [Fact]
    public void Should_refuse_a_signature_over_other_text_or_another_chain()
    {
        // act
        var otherText = V3SignatureVerifier.VerifyV3(AgentMessage.Replace("65000.5", "65000.6"), AgentSignature, Agent, 1666);
        var otherChain = V3SignatureVerifier.VerifyV3(AgentMessage, AgentSignature, Agent, AsterEip712.TestnetChainId);
        var otherSigner = V3SignatureVerifier.VerifyV3(
            AgentMessage, AgentSignature, EthAddress.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), 1666);

        // assert
        Assert.Equal(SignatureFailure.Mismatch, otherText.Failure);
        Assert.Equal(SignatureFailure.Mismatch, otherChain.Failure);
        Assert.Equal(SignatureFailure.Mismatch, otherSigner.Failure);
        Assert.Contains(Agent.ToString(), otherSigner.Reason); // the reason names who actually signed
    }

    [Fact]
    public void Should_refuse_every_single_byte_tampering_of_a_valid_signature()
    {
        // arrange
        var original = Hex.Parse(AgentSignature);
        var random = new Random(28);
        for (var position = 0; position < 64; position++)
        {
            var tampered = (byte[])original.Clone();
            tampered[position] ^= (byte)random.Next(1, 256);

            // act
            var verdict = V3SignatureVerifier.VerifyV3(AgentMessage, Hex.Of(tampered), Agent, 1666);

            // assert
            Assert.False(verdict.IsValid, $"tampering byte {position} went unnoticed");
            Assert.Contains(verdict.Failure, (SignatureFailure[])[SignatureFailure.Mismatch, SignatureFailure.Unrecoverable, SignatureFailure.HighS, SignatureFailure.Malformed]);
        }
    }

    [Fact]
    public void Should_refuse_the_high_s_twin_of_a_valid_signature()
    {
        // arrange: (r, n - s, v flipped) recovers the same key, but EIP-2 forbids it
        var original = EthSignature.Parse(AgentSignature);
        var highS = CurveOrder - new BigInteger(original.S, isUnsigned: true, isBigEndian: true);
        var twin = Hex.Of([.. original.R, .. highS.ToByteArray(isUnsigned: true, isBigEndian: true), (byte)(original.V == 27 ? 28 : 27)]);

        // act
        var verdict = V3SignatureVerifier.VerifyV3(AgentMessage, twin, Agent, 1666);

        // assert
        Assert.Equal(SignatureFailure.HighS, verdict.Failure);
        Assert.Contains("low-s", verdict.Reason);
    }

    [Theory]
    [InlineData(null, SignatureFailure.Missing, "missing")]
    [InlineData("", SignatureFailure.Missing, "missing")]
    [InlineData("0x08d5", SignatureFailure.Malformed, "has 4")]
    [InlineData(AgentSignature + "00", SignatureFailure.Malformed, "has 132")]
    [InlineData("0x08d5aea9ddc84b0cb9e74e90b242ccb5521cf859ab224ce27e1b507274ce51c321b6e5cd456f0fa453be5c1abf2ec240ac96b592f4cb4f0e50f6e03564310e761d", SignatureFailure.Malformed, "v byte is 29")]
    [InlineData("0x08d5aea9ddc84b0cb9e74e90b242ccb5521cf859ab224ce27e1b507274ce51c321b6e5cd456f0fa453be5c1abf2ec240ac96b592f4cb4f0e50f6e03564310e761a", SignatureFailure.Malformed, "v byte is 26")]
    [InlineData("0x08d5aea9ddc84b0cb9e74e90b242ccb5521cf859ab224ce27e1b507274ce51c321b6e5cd456f0fa453be5c1abf2ec240ac96b592f4cb4f0e50f6e03564310e76zz", SignatureFailure.Malformed, "not hex")]
    [InlineData("0x000000000000000000000000000000000000000000000000000000000000000021b6e5cd456f0fa453be5c1abf2ec240ac96b592f4cb4f0e50f6e03564310e761c", SignatureFailure.Malformed, "r is zero")]
    [InlineData("0x08d5aea9ddc84b0cb9e74e90b242ccb5521cf859ab224ce27e1b507274ce51c300000000000000000000000000000000000000000000000000000000000000001c", SignatureFailure.Malformed, "s is zero")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd036414121b6e5cd456f0fa453be5c1abf2ec240ac96b592f4cb4f0e50f6e03564310e761c", SignatureFailure.Malformed, "curve order")]
    public void Should_refuse_a_malformed_signature_with_a_clear_reason(string? signature, SignatureFailure failure, string reason)
    {
        // act
        var verdict = V3SignatureVerifier.VerifyV3(AgentMessage, signature, Agent, 1666);

        // assert
        Assert.Equal(failure, verdict.Failure);
        Assert.Contains(reason, verdict.Reason);
        Assert.Null(verdict.RecoveredSigner);
    }

    [Fact]
    public void Should_report_a_signature_that_fits_no_public_key_as_unrecoverable()
    {
        // arrange: r = 5 is not the x-coordinate of a secp256k1 point
        var signature = "0x" + new string('0', 63) + "5" + AgentSignature[66..];

        // act
        var verdict = V3SignatureVerifier.VerifyV3(AgentMessage, signature, Agent, 1666);

        // assert
        Assert.Equal(SignatureFailure.Unrecoverable, verdict.Failure);
    }

    [Fact]
    public void Should_accept_the_signature_without_0x_and_with_v_as_0_or_1()
    {
        // arrange
        var bare = AgentSignature[2..];
        var zeroOne = AgentSignature[..^2] + "01"; // v = 28 written as recovery id 1

        // act
        var bareVerdict = V3SignatureVerifier.VerifyV3(AgentMessage, bare, Agent, 1666);
        var zeroOneVerdict = V3SignatureVerifier.VerifyV3(AgentMessage, zeroOne, Agent, 1666);

        // assert
        Assert.True(bareVerdict.IsValid, bareVerdict.Reason);
        Assert.True(zeroOneVerdict.IsValid, zeroOneVerdict.Reason);
        Assert.Equal(AgentSignature, EthSignature.Parse(zeroOne).ToHex());
    }

    [Theory]
    [InlineData("symbol=BTCUSDT")]
    [InlineData("symbol=BTCUSDT&signature=0x00&nonce=1")]
    [InlineData(null)]
    public void Should_refuse_a_payload_whose_last_parameter_is_not_the_signature(string? raw)
    {
        // act
        var verdict = V3SignatureVerifier.VerifyV3Payload(raw, Agent, 1666);

        // assert
        Assert.Equal(SignatureFailure.Missing, verdict.Failure);
    }

    [Fact]
    public void Should_reject_a_digest_that_is_not_32_bytes()
    {
        // act + assert
        Assert.Throws<ArgumentException>(() => V3SignatureVerifier.RecoverSigner(new byte[31], AgentSignature));
    }
}
