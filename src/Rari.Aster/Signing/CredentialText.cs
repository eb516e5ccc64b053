namespace Rari.Aster.Signing;

/// <summary>
/// Checks and redaction shared by the credential records. Every message names the setting and says what is
/// wrong with it, and never contains the value.
/// </summary>
internal static class CredentialText
{
    /// <summary>What is wrong with an API key or secret, or null when it is usable.</summary>
    /// <remarks>Keys travel in an HTTP header and secrets are HMAC keys: both are visible ASCII without spaces.</remarks>
    public static string? TokenProblem(string? value, string label)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{label} is not set.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is < '!' or > '~')
            {
                return char.IsWhiteSpace(value[i])
                    ? $"{label} contains whitespace at position {i + 1} of {value.Length}; check for a stray space or line break."
                    : $"{label} contains a character that is not printable ASCII at position {i + 1} of {value.Length}.";
            }
        }

        return null;
    }

    /// <summary>The first few characters of an API key and its length, e.g. <c>dbef… (64 chars)</c>.</summary>
    public static string Abbreviate(string value)
    {
        var shown = Math.Min(4, value.Length / 2);
        return $"{value[..shown]}… ({value.Length} chars)";
    }
}
