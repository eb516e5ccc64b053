using System.Security.Cryptography;
using System.Text;
using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class Keccak256Specs
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Message(string msg)", "0xc4cfb57eea370ef2a92403a7e865b2de262d7ca272333665b54ad7e6a602ef68")]
    public void Should_hash_with_the_original_keccak_padding(string text, string expected)
    {
        // act
        var hash = Keccak256.Hash(text);

        // assert
        Assert.Equal(expected, Hex.Of(hash));
    }

    [Fact]
    public void Should_differ_from_nist_sha3_256()
    {
        // arrange
        const string nistSha3OfEmpty = "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

        // act
        var keccak = Hex.Of(Keccak256.Hash(string.Empty));

        // assert
        Assert.NotEqual(nistSha3OfEmpty, keccak);
        if (SHA3_256.IsSupported)
        {
            Assert.Equal(nistSha3OfEmpty, Hex.Of(SHA3_256.HashData([])));
        }
    }

    [Fact]
    public void Should_hash_concatenated_parts_like_the_joined_bytes()
    {
        // arrange
        var random = new Random(1666);
        for (var i = 0; i < 50; i++)
        {
            var a = new byte[random.Next(0, 200)];
            var b = new byte[random.Next(0, 200)];
            random.NextBytes(a);
            random.NextBytes(b);

            // act
            var parts = Keccak256.HashConcatenated(a, b);
            var joined = Keccak256.Hash([.. a, .. b]);

            // assert
            Assert.Equal(joined, parts);
        }
    }

    [Fact]
    public void Should_hash_text_as_utf8()
    {
        // arrange
        const string text = "prix 65 000,5 € — ok";

        // act
        var fromText = Keccak256.Hash(text);
        var fromBytes = Keccak256.Hash(Encoding.UTF8.GetBytes(text));

        // assert
        Assert.Equal(fromBytes, fromText);
    }

    [Fact]
    public void Should_reject_a_destination_shorter_than_32_bytes()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));

        // assert
        Assert.Contains("31", error.Message);
    }
}
