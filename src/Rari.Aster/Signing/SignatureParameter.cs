using System.Diagnostics.CodeAnalysis;

namespace Rari.Aster.Signing;

/// <summary>
/// The <c>signature</c> parameter that ends every signed V1 and V3 request: appending it, and splitting it off a
/// raw received string to get back the exact text that was signed.
/// </summary>
public static class SignatureParameter
{
    /// <summary>The parameter name.</summary>
    public const string Name = "signature";

    private const string Pair = Name + "=";
    private const string TrailingPair = "&" + Pair;

    /// <summary>Appends <c>&amp;signature=…</c> (or just <c>signature=…</c> to an empty string).</summary>
    public static string Append(string parameters, string signature) =>
        parameters.Length == 0 ? Pair + signature : parameters + TrailingPair + signature;

    /// <summary>
    /// Splits a raw query string or body into the signed text and the signature, when <c>signature</c> is its
    /// last parameter. The signed text is returned byte for byte: nothing is decoded, sorted or re-encoded.
    /// </summary>
    public static bool TrySplit(
        string? raw, [NotNullWhen(true)] out string? signedText, [NotNullWhen(true)] out string? signature)
    {
        signedText = null;
        signature = null;
        if (string.IsNullOrEmpty(raw))
        {
            return false;
        }

        var at = raw.LastIndexOf(TrailingPair, StringComparison.Ordinal);
        int valueStart;
        if (at >= 0)
        {
            valueStart = at + TrailingPair.Length;
            signedText = raw[..at];
        }
        else if (raw.StartsWith(Pair, StringComparison.Ordinal))
        {
            valueStart = Pair.Length;
            signedText = string.Empty;
        }
        else
        {
            return false;
        }

        if (raw.IndexOf('&', valueStart) >= 0)
        {
            // signature=… is followed by more parameters: it is not last, so the request is not well formed.
            signedText = null;
            return false;
        }

        signature = raw[valueStart..];
        return true;
    }
}
