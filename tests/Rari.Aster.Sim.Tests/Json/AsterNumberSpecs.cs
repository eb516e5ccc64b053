using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Json;

namespace Rari.Aster.Sim.Tests.Json;

public sealed class AsterNumberSpecs
{
    [Theory]
    [InlineData("5", "5")]
    [InlineData("0.00010", "0.0001")]
    [InlineData("-0.50", "-0.5")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("123456789012.10", "123456789012.1")]
    public void Should_write_plain_decimals_without_trailing_zeros_or_exponent(string value, string expected)
    {
        // act
        var text = AsterNumber.Plain(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        // assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("65000.5", 2, "65000.50")]
    [InlineData("0.01", 3, "0.010")]
    [InlineData("7", 0, "7")]
    [InlineData("0.125", 2, "0.13")]
    [InlineData("-0.125", 2, "-0.13")]
    public void Should_pad_or_round_to_a_fixed_number_of_decimals(string value, int decimals, string expected)
    {
        // act
        var text = AsterNumber.Fixed(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals);

        // assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("94696.7", 1, "94696.7")]
    [InlineData("25.542", 2, "25.542")]
    [InlineData("5", 2, "5.00")]
    public void Should_never_round_away_recorded_digits(string value, int decimals, string expected)
    {
        // act
        var text = AsterNumber.AtLeast(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals);

        // assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Should_shape_errors_exactly_like_aster()
    {
        // act
        var reply = SimReply.Error(AsterErrors.InvalidSymbol());

        // assert
        Assert.Equal(400, reply.Status);
        Assert.Equal(-1121, reply.ErrorCode);
        Assert.Equal("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", System.Text.Encoding.UTF8.GetString(reply.Body.Span));
    }

    [Fact]
    public void Should_write_the_documented_success_acknowledgement()
    {
        // act
        var reply = SimReply.Success();

        // assert
        Assert.Null(reply.ErrorCode);
        Assert.Equal("{\"code\":200,\"msg\":\"success\"}", System.Text.Encoding.UTF8.GetString(reply.Body.Span));
    }
}
