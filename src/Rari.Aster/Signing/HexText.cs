namespace Rari.Aster.Signing;

/// <summary>Hex helpers for the <c>0x</c>-prefixed text that Ethereum tooling uses.</summary>
internal static class HexText
{
    /// <summary>Lowercase hex with a <c>0x</c> prefix, the form ccxt and ethers print.</summary>
    public static string Prefixed(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>The text without a leading <c>0x</c> or <c>0X</c>.</summary>
    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text[2..] : text;

    /// <summary>Whether every character is a hex digit (either case).</summary>
    public static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
