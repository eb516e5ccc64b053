using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class Eip712StructSpecs
{
    [Fact]
    public void Should_build_a_main_wallet_action_from_parameters_like_the_docs_demo()
    {
        // arrange
        var parameters = new KeyValuePair<string, object>[]
        {
            new("agentName", "grid-bot"),
            new("agentAddress", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            new("canPerpTrade", true),
            new("expired", 1790000000000L),
            new("asterChain", "Mainnet"),
            new("nonce", 1750000000000000L),
        };

        // act
        var action = MainWalletActions.FromParameters("ApproveAgent", parameters);

        // assert
        Assert.Equal(
            "ApproveAgent(string AgentName,string AgentAddress,bool CanPerpTrade,uint256 Expired,string AsterChain,uint256 Nonce)",
            action.EncodeType());
        Assert.Equal("true", action.Fields[2].Value);
    }

    [Fact]
    public void Should_hash_uint256_bool_and_address_members_as_32_byte_words()
    {
        // arrange
        var data = new Eip712Struct("T",
        [
            Eip712Field.Uint256("A", 1666),
            Eip712Field.Bool("B", true),
            Eip712Field.Address("C", EthAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")),
        ]);
        var expected = Keccak256.Hash([
            .. Keccak256.Hash("T(uint256 A,bool B,address C)"),
            .. Hex.Parse("0000000000000000000000000000000000000000000000000000000000000682"),
            .. Hex.Parse("0000000000000000000000000000000000000000000000000000000000000001"),
            .. Hex.Parse("000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
        ]);

        // act
        var hash = data.StructHash();

        // assert
        Assert.Equal(Hex.Of(expected), Hex.Of(hash));
    }

    [Theory]
    [InlineData(Eip712FieldType.Uint256, "-1")]
    [InlineData(Eip712FieldType.Uint256, "01")]
    [InlineData(Eip712FieldType.Uint256, "1.5")]
    [InlineData(Eip712FieldType.Uint256, "115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData(Eip712FieldType.Bool, "True")]
    [InlineData(Eip712FieldType.Address, "0x1234")]
    public void Should_refuse_a_value_that_is_not_canonical_for_its_type(Eip712FieldType type, string value)
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => new Eip712Field("Field", type, value));

        // assert
        Assert.Contains("Member 'Field'", error.Message);
    }

    [Fact]
    public void Should_accept_the_largest_uint256()
    {
        // act
        var field = new Eip712Field("Max", Eip712FieldType.Uint256,
            "115792089237316195423570985008687907853269984665640564039457584007913129639935");
        var hash = new Eip712Struct("M", [field]).StructHash();

        // assert
        Assert.Equal(Hex.Of(Keccak256.Hash([.. Keccak256.Hash("M(uint256 Max)"), .. Enumerable.Repeat((byte)0xFF, 32)])), Hex.Of(hash));
    }

    [Fact]
    public void Should_refuse_bad_type_names_duplicate_members_and_unsupported_values()
    {
        // act + assert
        Assert.Throws<ArgumentException>(() => new Eip712Struct("Bad Name", [Eip712Field.String("a", "x")]));
        Assert.Throws<ArgumentException>(() => new Eip712Struct("T", []));
        Assert.Throws<ArgumentException>(() => new Eip712Struct("T", [Eip712Field.String("a", "x"), Eip712Field.Bool("a", true)]));
        Assert.Throws<ArgumentException>(() => MainWalletActions.FromParameters("T", [new("rate", 0.5m)]));
    }
}
