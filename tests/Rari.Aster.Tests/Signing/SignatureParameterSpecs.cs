using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class SignatureParameterSpecs
{
    [Theory]
    [InlineData("a=1&signature=0xab", "a=1", "0xab")]
    [InlineData("signature=0xab", "", "0xab")]
    [InlineData("a=1&b=signature=x&signature=", "a=1&b=signature=x", "")]
    public void Should_split_the_trailing_signature_off_byte_for_byte(string raw, string signed, string signature)
    {
        // act
        var split = SignatureParameter.TrySplit(raw, out var text, out var value);

        // assert
        Assert.True(split);
        Assert.Equal(signed, text);
        Assert.Equal(signature, value);
        Assert.Equal(raw, SignatureParameter.Append(text!, value!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a=1")]
    [InlineData("a=1&signature=0xab&b=2")]
    [InlineData("signature=0xab&b=2")]
    [InlineData("a=1&xsignature=0xab")]
    public void Should_not_split_when_the_signature_is_not_the_last_parameter(string? raw)
    {
        // act
        var split = SignatureParameter.TrySplit(raw, out var text, out var value);

        // assert
        Assert.False(split);
        Assert.Null(text);
        Assert.Null(value);
    }
}
