using System.Globalization;
using System.Text;
using Rari.Domain.Data;

namespace Rari.Domain.Tests.Data;

public class InvariantDecimalSpecs
{
    [Theory]
    [InlineData("0", 0, 0)]
    [InlineData("1.50", 150, 2)]
    [InlineData("-93576.00000000", -9357600000000, 8)]
    [InlineData("+.5", 5, 1)]
    [InlineData("7.", 7, 0)]
    [InlineData("00012.3400", 123400, 4)]
    [InlineData("9999999999999999999", 9999999999999999999, 0)]
    [InlineData("0.000000000000000001", 1, 18)]
    public void Should_parse_plain_decimals_exactly_keeping_the_scale(string text, decimal mantissa, int scale)
    {
        // act
        var parsedBytes = InvariantDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var fromBytes);
        var parsedChars = InvariantDecimal.TryParse(text.AsSpan(), out var fromChars);

        // assert
        Assert.True(parsedBytes);
        Assert.True(parsedChars);
        Assert.Equal(mantissa / Pow10(scale), fromBytes);
        Assert.Equal(decimal.GetBits(fromBytes), decimal.GetBits(fromChars));
        Assert.Equal(scale, fromBytes.Scale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1..2")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("NaN")]
    [InlineData("1_000")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("١٢")]
    public void Should_reject_text_that_is_not_an_invariant_decimal(string text)
    {
        // act
        var parsedBytes = InvariantDecimal.TryParse(Encoding.UTF8.GetBytes(text), out _);
        var parsedChars = InvariantDecimal.TryParse(text.AsSpan(), out _);

        // assert
        Assert.False(parsedBytes);
        Assert.False(parsedChars);
    }

    [Theory]
    [InlineData("1e-5", "0.00001")]
    [InlineData("1.5E+3", "1500")]
    [InlineData("0.00000000000000000000000000001", "0.0000000000000000000000000000")]
    [InlineData("12345678901234567890.123456789", "12345678901234567890.123456789")]
    public void Should_hand_unusual_forms_to_the_framework_parser(string text, string expected)
    {
        // act
        var parsed = InvariantDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value);

        // assert
        Assert.True(parsed);
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Should_agree_bit_for_bit_with_decimal_parse_on_a_hundred_thousand_random_strings()
    {
        // arrange
        var random = new Random(1_000_003);
        var agreed = 0;
        var valid = 0;
        for (var i = 0; i < 150_000; i++)
        {
            var text = RandomNumberText(random);

            // act
            var expectedOk = decimal.TryParse(text, InvariantDecimal.Styles, CultureInfo.InvariantCulture, out var expected);
            var bytesOk = InvariantDecimal.TryParse(Encoding.UTF8.GetBytes(text), out var fromBytes);
            var charsOk = InvariantDecimal.TryParse(text.AsSpan(), out var fromChars);

            // assert
            Assert.True(expectedOk == bytesOk, $"'{text}': decimal.TryParse says {expectedOk}, bytes say {bytesOk}");
            Assert.True(expectedOk == charsOk, $"'{text}': decimal.TryParse says {expectedOk}, chars say {charsOk}");
            if (expectedOk)
            {
                Assert.True(decimal.GetBits(expected).SequenceEqual(decimal.GetBits(fromBytes)), $"'{text}': {expected} vs {fromBytes}");
                Assert.True(decimal.GetBits(expected).SequenceEqual(decimal.GetBits(fromChars)), $"'{text}': {expected} vs {fromChars}");
                valid++;
            }

            agreed++;
        }

        Assert.Equal(150_000, agreed);
        Assert.InRange(valid, 100_000, 150_000);
    }

    // Mostly prices and quantities as exchanges print them, plus long digit runs, exponents and junk.
    private static string RandomNumberText(Random random)
    {
        var text = new StringBuilder();
        var kind = random.Next(100);
        if (kind < 3)
        {
            const string junk = "0123456789.-+eE ,x";
            var length = random.Next(0, 6);
            for (var i = 0; i < length; i++)
            {
                text.Append(junk[random.Next(junk.Length)]);
            }

            return text.ToString();
        }

        var sign = random.Next(10);
        text.Append(sign == 0 ? "-" : sign == 1 ? "+" : string.Empty);
        var integerDigits = kind < 10 ? random.Next(0, 31) : random.Next(0, 10);
        if (random.Next(8) == 0)
        {
            text.Append('0', random.Next(1, 4));
        }

        for (var i = 0; i < integerDigits; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        if (random.Next(4) != 0)
        {
            text.Append('.');
            var fractionDigits = kind < 10 ? random.Next(0, 31) : random.Next(0, 12);
            for (var i = 0; i < fractionDigits; i++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(5) == 0)
            {
                text.Append('0', random.Next(1, 6));
            }
        }

        if (kind >= 95)
        {
            text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "-", 1 => "+", _ => string.Empty }).Append(random.Next(0, 30));
        }

        return text.ToString();
    }

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
