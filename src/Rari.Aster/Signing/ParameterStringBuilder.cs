using System.Globalization;
using System.Text;

namespace Rari.Aster.Signing;

/// <summary>
/// Builds the url-encoded <c>name=value&amp;…</c> text of a request's parameters, in the order they are added,
/// exactly as it will be transmitted and signed.
/// </summary>
/// <remarks>
/// Both signing schemes cover the transmitted bytes, so the text built here is sent unchanged (as the query
/// string, or as the body with <c>StringContent(…, "application/x-www-form-urlencoded")</c>; never
/// <c>FormUrlEncodedContent</c>, which re-encodes). Hex digits of escapes are uppercase (<c>%5B</c>), as in the
/// vectors. Names may appear once; the identity and timing parameters (<c>timestamp</c>, <c>nonce</c>,
/// <c>signature</c>…) are appended by the signers, not added here.
/// </remarks>
public sealed class ParameterStringBuilder
{
    private const string HexDigits = "0123456789ABCDEF";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<KeyValuePair<string, string>> _parameters = [];

    /// <summary>Starts an empty parameter list that encodes with <paramref name="encoding"/>.</summary>
    public ParameterStringBuilder(ParameterEncoding encoding = ParameterEncoding.UriComponent)
    {
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown parameter encoding.");
        }

        Encoding = encoding;
    }

    /// <summary>The percent-encoding applied to names and values.</summary>
    public ParameterEncoding Encoding { get; }

    /// <summary>How many parameters have been added.</summary>
    public int Count => _parameters.Count;

    /// <summary>The parameters added so far, unencoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    /// <summary>Whether a parameter of this name was added.</summary>
    public bool Contains(string name) => _parameters.Exists(p => string.Equals(p.Key, name, StringComparison.Ordinal));

    /// <summary>Adds a text parameter; JSON lists (<c>batchOrders</c>) are added as their compact JSON text.</summary>
    /// <exception cref="ArgumentException">The name is empty or already present.</exception>
    public ParameterStringBuilder Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (Contains(name))
        {
            throw new ArgumentException($"Parameter '{name}' is already present; each name may be sent once.", nameof(name));
        }

        _parameters.Add(new(name, value));
        return this;
    }

    /// <summary>Adds an integer parameter (ids, timestamps, leverage).</summary>
    public ParameterStringBuilder Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Adds a decimal parameter in invariant culture, keeping its scale: <c>0.010m</c> is sent as <c>0.010</c>.
    /// Round it to the instrument's tick or step before adding.
    /// </summary>
    public ParameterStringBuilder Add(string name, decimal value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c> or <c>false</c>, the spelling the venue expects.</summary>
    public ParameterStringBuilder Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>The encoded text, e.g. <c>symbol=BTCUSDT&amp;side=BUY</c>; empty when there are no parameters.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            AppendEncoded(text, name, Encoding);
            text.Append('=');
            AppendEncoded(text, value, Encoding);
        }

        return text.ToString();
    }

    /// <summary>Percent-encodes one name or value.</summary>
    /// <exception cref="ArgumentException">The text holds an unpaired surrogate, which has no UTF-8 form.</exception>
    public static string Encode(string value, ParameterEncoding encoding)
    {
        var text = new StringBuilder(value.Length);
        AppendEncoded(text, value, encoding);
        return text.ToString();
    }

    private static void AppendEncoded(StringBuilder text, string value, ParameterEncoding encoding)
    {
        foreach (var b in StrictUtf8.GetBytes(value))
        {
            var c = (char)b;
            if (IsLiteral(c, encoding))
            {
                text.Append(c);
            }
            else if (c == ' ' && encoding == ParameterEncoding.FormPlus)
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0x0F]);
            }
        }
    }

    private static bool IsLiteral(char c, ParameterEncoding encoding) =>
        char.IsAsciiLetterOrDigit(c)
        || c is '-' or '_' or '.' or '~'
        || (encoding == ParameterEncoding.UriComponent && c is '!' or '*' or '\'' or '(' or ')');
}
