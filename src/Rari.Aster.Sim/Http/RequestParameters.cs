using System.Globalization;

namespace Rari.Aster.Sim.Http;

/// <summary>
/// The parameters of one request, read from the raw query string and the raw <c>x-www-form-urlencoded</c> body
/// exactly as received (both are kept verbatim for signature checks). A parameter present in both places takes its
/// query value (fact sheet §1.3).
/// </summary>
/// <remarks>
/// Values are percent-decoded with form rules (<c>+</c> is a space). A name repeated within the query string, or
/// within the body, is refused with −1101. Typed getters refuse malformed values with −1102 or −1130, so handlers
/// can read parameters without their own error plumbing.
/// </remarks>
public sealed class RequestParameters
{
    private readonly List<KeyValuePair<string, string>> _query;
    private readonly List<KeyValuePair<string, string>> _body;

    private RequestParameters(string rawQuery, string rawBody, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> body)
    {
        RawQuery = rawQuery;
        RawBody = rawBody;
        _query = query;
        _body = body;
    }

    /// <summary>No parameters at all.</summary>
    public static RequestParameters Empty { get; } = new(string.Empty, string.Empty, [], []);

    /// <summary>The query string as received, without the leading <c>?</c>; empty when there is none.</summary>
    public string RawQuery { get; }

    /// <summary>The body as received (UTF-8 text); empty when there is none.</summary>
    public string RawBody { get; }

    /// <summary>Every parameter name, query names first, each once.</summary>
    public IEnumerable<string> Names => _query.Select(p => p.Key).Concat(_body.Select(p => p.Key)).Distinct(StringComparer.Ordinal);

    /// <summary>The decoded value of a parameter (query first, then body), or null when it was not sent.</summary>
    public string? this[string name] => Find(_query, name) ?? Find(_body, name);

    /// <summary>Parses a raw query string (with or without its leading <c>?</c>) and a raw form body.</summary>
    /// <exception cref="AsterErrorException">−1101 when a name repeats within the query or within the body.</exception>
    public static RequestParameters Parse(string? rawQuery, string? rawBody)
    {
        var query = rawQuery is { Length: > 0 } && rawQuery[0] == '?' ? rawQuery[1..] : rawQuery ?? string.Empty;
        var body = rawBody ?? string.Empty;
        return new RequestParameters(query, body, Split(query), Split(body));
    }

    /// <summary>Whether the parameter was sent (possibly empty).</summary>
    public bool Contains(string name) => this[name] is not null;

    /// <summary>The value, or null when it was not sent or is empty.</summary>
    public string? Optional(string name) => this[name] is { Length: > 0 } value ? value : null;

    /// <summary>The value of a mandatory parameter.</summary>
    /// <exception cref="AsterErrorException">−1102 when it is missing or empty.</exception>
    public string Required(string name) => Optional(name) ?? throw new AsterErrorException(AsterErrors.MandatoryParameter(name));

    /// <summary>An optional whole number.</summary>
    /// <exception cref="AsterErrorException">−1102 when it is present but not a whole number.</exception>
    public long? OptionalLong(string name) => Optional(name) is { } text
        ? long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AsterErrorException(AsterErrors.MandatoryParameter(name))
        : null;

    /// <summary>A mandatory whole number.</summary>
    /// <exception cref="AsterErrorException">−1102 when it is missing or not a whole number.</exception>
    public long RequiredLong(string name) => OptionalLong(name) ?? throw new AsterErrorException(AsterErrors.MandatoryParameter(name));

    /// <summary>An optional decimal, in invariant culture without exponent.</summary>
    /// <exception cref="AsterErrorException">−1102 when it is present but not a decimal number.</exception>
    public decimal? OptionalDecimal(string name) => Optional(name) is { } text
        ? decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AsterErrorException(AsterErrors.MandatoryParameter(name))
        : null;

    /// <summary>An optional boolean, <c>true</c>/<c>false</c> in any letter case (Aster sends both "true" and "TRUE").</summary>
    /// <exception cref="AsterErrorException">−1130 when it is present but neither.</exception>
    public bool? OptionalBool(string name) => Optional(name) switch
    {
        null => null,
        var text when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
        var text when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new AsterErrorException(AsterErrors.InvalidParameter(name, "expected true or false.")),
    };

    /// <summary>An optional whole number bounded to <c>[min, max]</c>, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="AsterErrorException">−1130 when it is outside the bounds.</exception>
    public int BoundedInt(string name, int fallback, int min, int max)
    {
        var value = OptionalLong(name) ?? fallback;
        return value >= min && value <= max
            ? (int)value
            : throw new AsterErrorException(AsterErrors.InvalidParameter(
                name, string.Create(CultureInfo.InvariantCulture, $"it must be between {min} and {max}.")));
    }

    private static string? Find(List<KeyValuePair<string, string>> pairs, string name)
    {
        foreach (var (key, value) in pairs)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> Split(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
            if (Find(pairs, name) is not null)
            {
                throw new AsterErrorException(AsterErrors.DuplicateParameter(name));
            }

            pairs.Add(new(name, value));
        }

        return pairs;
    }

    // Form encoding: '+' is a space (Python's quote_plus sends it); everything else is RFC 3986 percent-encoding.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
