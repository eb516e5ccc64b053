using System.Text;

namespace Rari.Domain.Data;

/// <summary>Small helpers for ASCII fields: whole numbers, booleans and quoting a field in an error message.</summary>
internal static class AsciiText
{
    private const int MaxShownLength = 80;

    /// <summary>Parses 1-19 ASCII digits (no sign) into a non-negative long; <paramref name="digits"/> is the digit count.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value, out int digits)
    {
        value = 0;
        digits = text.Length;
        if (text.IsEmpty || text.Length > 19)
        {
            return false;
        }

        ulong result = 0;
        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        if (result > long.MaxValue)
        {
            return false;
        }

        value = (long)result;
        return true;
    }

    /// <summary>Parses <c>true</c> or <c>false</c>, ignoring ASCII case (Python writes <c>True</c>/<c>False</c>).</summary>
    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        if (Ascii.EqualsIgnoreCase(text, "true"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return Ascii.EqualsIgnoreCase(text, "false"u8);
    }

    /// <summary>The field as text for an error message, shortened when long.</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        var text = Encoding.UTF8.GetString(field.Length > MaxShownLength ? field[..MaxShownLength] : field);
        return field.Length > MaxShownLength ? text + "…" : text;
    }
}
