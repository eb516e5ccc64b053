using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace Rari.Domain.Data;

/// <summary>
/// Exact, allocation-free parsing of invariant decimal text such as <c>-1234.5670</c>, from UTF-8 bytes or chars, for
/// the hot paths that read recorded data and exchange payloads.
/// </summary>
/// <remarks>
/// The result is bit-for-bit what <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>
/// gives with <see cref="NumberStyles.AllowLeadingSign"/> | <see cref="NumberStyles.AllowDecimalPoint"/> |
/// <see cref="NumberStyles.AllowExponent"/> and the invariant culture, including the scale (trailing zeros are kept:
/// <c>1.50</c> has scale 2) and the sign of a negative zero. Plain text of up to 19 digits, which is every price and
/// quantity an exchange prints, takes a fast path; anything else (exponents, longer digit runs) goes to
/// <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/>. No whitespace, no
/// thousands separators.
/// </remarks>
public static class InvariantDecimal
{
    /// <summary>The styles the parser accepts, for callers that want the same rules elsewhere.</summary>
    public const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // 19 decimal digits always fit in a ulong (10^19 − 1 < 2^64).
    private const int FastPathMaxDigits = 19;

    private const int StackLimit = 128;

    /// <summary>Parses ASCII/UTF-8 decimal text; false when it is not a number in the accepted form.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out decimal value) =>
        TryParseFast(utf8, out value) || TryParseSlow(utf8, out value);

    /// <summary>Parses decimal text; false when it is not a number in the accepted form.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value) =>
        TryParseFast(text, out value) || decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);

    // [+-]?digits with at most one '.', at most 19 digits in all: exact in a ulong mantissa and a scale of at most 19.
    // Returns false for anything else, which the caller hands to the framework parser.
    private static bool TryParseFast<TChar>(ReadOnlySpan<TChar> text, out decimal value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (text.Length > 0)
        {
            var first = uint.CreateTruncating(text[0]);
            if (first is '-' or '+')
            {
                negative = first == '-';
                i = 1;
            }
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = uint.CreateTruncating(text[i]);
            var digit = c - '0';
            if (digit <= 9)
            {
                if (digits == FastPathMaxDigits)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
                digits++;
                if (seenPoint)
                {
                    scale++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }

    private static bool TryParseSlow(ReadOnlySpan<byte> utf8, out decimal value)
    {
        char[]? rented = null;
        var chars = utf8.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                // Only ASCII can be part of an invariant number; anything else is rejected here.
                if (utf8[i] >= 0x80)
                {
                    value = 0m;
                    return false;
                }

                chars[i] = (char)utf8[i];
            }

            return decimal.TryParse(chars[..utf8.Length], Styles, CultureInfo.InvariantCulture, out value);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
