using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class EthAddressSpecs
{
    public static TheoryData<string, string> KeysInTheVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, address) in SigningVectors.KeysWithAddresses())
        {
            data.Add(key, address);
        }

        return data;
    }

    public static TheoryData<string, string> AddressSpellingsInTheVectors()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<string>();
        foreach (var group in (string[])["v3_eip712_ccxt", "v3_eip712_doc_style"])
        {
            foreach (var vector in SigningVectors.Root.GetProperty(group).EnumerateArray())
            {
                foreach (var role in (string[])["signer", "user"])
                {
                    var lower = SigningVectors.Text(vector, $"{role}_address");
                    var checksummed = SigningVectors.Text(vector, $"{role}_address_checksummed");
                    if (checksummed is not null && seen.Add(checksummed))
                    {
                        data.Add(lower ?? checksummed.ToLowerInvariant(), checksummed);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeysInTheVectors))]
    public void Should_derive_the_address_of_every_key_in_the_vectors(string privateKey, string expectedAddress)
    {
        // act
        var key = EthPrivateKey.Parse(privateKey);

        // assert
        Assert.Equal(EthAddress.Parse(expectedAddress), key.Address);
        Assert.Equal(expectedAddress.ToLowerInvariant(), key.Address.ToLowerHex());
        Assert.Equal(65, key.PublicKey.Length);
        Assert.Equal(0x04, key.PublicKey[0]);
        Assert.Equal(key.Address, EthAddress.FromPublicKey(key.PublicKey));
    }

    [Fact]
    public void Should_derive_the_well_known_hardhat_account_zero()
    {
        // act
        var key = EthPrivateKey.Parse("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"); // without 0x

        // assert
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", key.Address.ToChecksumString());
    }

    [Theory]
    [MemberData(nameof(AddressSpellingsInTheVectors))]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Should_format_the_eip55_checksum(string lower, string checksummed)
    {
        // act
        var address = EthAddress.Parse(lower);

        // assert
        Assert.Equal(checksummed, address.ToChecksumString());
        Assert.Equal(checksummed, address.ToString());
        Assert.Equal(lower, address.ToLowerHex());
        Assert.True(EthAddress.HasValidChecksum(checksummed));
        Assert.True(EthAddress.HasValidChecksum(lower));
        Assert.True(EthAddress.HasValidChecksum("0x" + lower[2..].ToUpperInvariant()));
    }

    [Fact]
    public void Should_compare_addresses_without_regard_to_letter_case()
    {
        // arrange
        var lower = EthAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        var checksummed = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var other = EthAddress.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

        // act + assert
        Assert.Equal(lower, checksummed);
        Assert.True(lower == checksummed);
        Assert.Equal(lower.GetHashCode(), checksummed.GetHashCode());
        Assert.NotEqual(lower, other);
        Assert.True(EthAddress.SameAddress("0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        Assert.False(EthAddress.SameAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "not an address"));
    }

    [Fact]
    public void Should_flag_a_mixed_case_address_whose_checksum_is_wrong()
    {
        // arrange: one letter's case flipped from the valid checksum
        const string typo = "0xf39fd6e51aad88F6F4ce6aB8827279cffFb92266";

        // act
        var parses = EthAddress.TryParse(typo, out var address);

        // assert
        Assert.True(parses);
        Assert.False(EthAddress.HasValidChecksum(typo)); // <--
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", address.ToChecksumString());
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "starts with 0x")]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226", "has 39")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "has 64")]
    [InlineData("0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266", "other characters")]
    public void Should_explain_why_text_is_not_an_address_without_echoing_it(string? text, string expectedReason)
    {
        // act
        var parses = EthAddress.TryParse(text, out _, out var problem);

        // assert
        Assert.False(parses);
        Assert.Contains(expectedReason, problem);
        if (!string.IsNullOrEmpty(text))
        {
            Assert.DoesNotContain(text[2..], problem);
        }
    }

    [Fact]
    public void Should_treat_default_as_the_zero_address()
    {
        // act
        var zero = EthAddress.Zero;

        // assert
        Assert.Equal("0x0000000000000000000000000000000000000000", zero.ToLowerHex());
        Assert.Equal(EthAddress.Parse("0x0000000000000000000000000000000000000000"), zero);
        Assert.Equal(new byte[20], zero.ToBytes());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0x0123", "4 characters")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "zero")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "curve order")]
    [InlineData("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg", "not hex")]
    public void Should_explain_why_text_is_not_a_private_key_without_echoing_it(string text, string expectedReason)
    {
        // act
        var parses = EthPrivateKey.TryParse(text, out _, out var problem);
        var error = Assert.Throws<FormatException>(() => EthPrivateKey.Parse(text));

        // assert
        Assert.False(parses);
        Assert.Contains(expectedReason, problem);
        Assert.Equal(problem, error.Message);
        if (text.Length > 6)
        {
            Assert.DoesNotContain(text[2..12], error.Message);
        }
    }

    [Fact]
    public void Should_accept_the_largest_private_key_below_the_curve_order()
    {
        // act
        var key = EthPrivateKey.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");

        // assert
        Assert.Equal(key, EthPrivateKey.FromBytes(Hex.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")));
    }
}
