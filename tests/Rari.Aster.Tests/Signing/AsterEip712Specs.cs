using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class AsterEip712Specs
{
    [Fact]
    public void Should_match_the_type_strings_and_their_hashes_in_the_vectors()
    {
        // arrange
        var constants = SigningVectors.Constants;

        // act + assert
        Assert.Equal(AsterEip712.DomainType, SigningVectors.Required(constants, "domain_type"));
        Assert.Equal(AsterEip712.MessageType, SigningVectors.Required(constants, "message_type"));
        Assert.Equal(SigningVectors.Required(constants, "domain_typehash"), Hex.Of(AsterEip712.DomainTypeHash()));
        Assert.Equal(SigningVectors.Required(constants, "message_typehash"), Hex.Of(AsterEip712.MessageTypeHash()));
        Assert.Equal(SigningVectors.Required(constants, "name_hash"), Hex.Of(AsterEip712.NameHash()));
        Assert.Equal(SigningVectors.Required(constants, "version_hash"), Hex.Of(AsterEip712.VersionHash()));
    }

    [Theory]
    [InlineData(AsterEip712.MainnetChainId, "domain_separator_chain_1666_mainnet")]
    [InlineData(AsterEip712.TestnetChainId, "domain_separator_chain_714_testnet")]
    [InlineData(AsterEip712.EvmMainWalletChainId, "domain_separator_chain_56_main_wallet_actions")]
    public void Should_compute_the_domain_separator_of_each_chain(long chainId, string constant)
    {
        // act
        var separator = AsterEip712.DomainSeparator(chainId);

        // assert
        Assert.Equal(SigningVectors.Required(SigningVectors.Constants, constant), Hex.Of(separator));
    }

    [Theory]
    [MemberData(nameof(SigningVectors.V3Ids), MemberType = typeof(SigningVectors))]
    public void Should_reproduce_the_struct_hash_domain_separator_and_digest_of_every_v3_vector(string id)
    {
        // arrange
        var vector = SigningVectors.V3(id);
        var chainId = vector.GetProperty("chain_id").GetInt64();
        var msg = SigningVectors.Required(vector, "signed_msg");

        // act
        var digest = AsterEip712.MessageDigest(msg, chainId);

        // assert
        if (vector.TryGetProperty("eip712", out var eip712))
        {
            Assert.Equal(SigningVectors.Required(eip712, "domain_separator"), Hex.Of(AsterEip712.DomainSeparator(chainId)));
            Assert.Equal(SigningVectors.Required(eip712, "struct_hash"), Hex.Of(AsterEip712.MessageStructHash(msg)));
            Assert.Equal(SigningVectors.Required(eip712, "digest"), Hex.Of(digest));
        }
        else
        {
            Assert.Equal(SigningVectors.Required(vector, "eip712_digest"), Hex.Of(digest)); // <-- docs-style vectors give the digest only
        }
    }

    [Fact]
    public void Should_hash_the_request_message_like_the_generic_struct_encoder()
    {
        // arrange
        const string msg = "nonce=1&user=0xfcad0b19bb29d4674531d6f115237e16afce377c&signer=0xfcad0b19bb29d4674531d6f115237e16afce377c";
        var generic = new Eip712Struct("Message", [Eip712Field.String("msg", msg)]);

        // act
        var dedicated = AsterEip712.MessageStructHash(msg);

        // assert
        Assert.Equal("Message(string msg)", generic.EncodeType());
        Assert.Equal(Hex.Of(generic.StructHash()), Hex.Of(dedicated));
        Assert.Equal(Hex.Of(AsterEip712.StructDigest(generic, 1666)), Hex.Of(AsterEip712.MessageDigest(msg, 1666)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Should_reject_a_chain_id_that_is_not_positive(long chainId)
    {
        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => AsterEip712.DomainSeparator(chainId));
    }

    [Fact]
    public void Should_return_a_fresh_copy_of_each_constant_hash()
    {
        // arrange
        var first = AsterEip712.MessageTypeHash();

        // act
        first[0] ^= 0xFF;

        // assert
        Assert.Equal(SigningVectors.Required(SigningVectors.Constants, "message_typehash"), Hex.Of(AsterEip712.MessageTypeHash()));
    }
}
