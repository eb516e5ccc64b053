using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rari.Aster.Signing;

/// <summary>
/// V1 request signing (fact sheet §2.2): lowercase hex HMAC-SHA256, keyed with the API secret, of
/// <c>totalParams</c> = the query string immediately followed by the body (no <c>&amp;</c> between them), both
/// exactly as transmitted. Also verifies received requests, for the simulated exchange.
/// </summary>
/// <remarks>Immutable and thread-safe. The secret never appears in <see cref="ToString"/> or in exceptions.</remarks>
public sealed class HmacSigner
{
    /// <summary>The request header that carries the API key.</summary>
    public const string ApiKeyHeader = "X-MBX-APIKEY";

    /// <summary>The largest <c>recvWindow</c> the venue accepts, in milliseconds (the default is 5000).</summary>
    public const int MaxRecvWindowMs = 60_000;

    private const int SignatureHexLength = 64;

    private readonly byte[] _secret;

    /// <summary>Signs with the secret of <paramref name="credentials"/>.</summary>
    public HmacSigner(V1Credentials credentials)
    {
        ApiKey = credentials.ApiKey;
        _secret = Encoding.UTF8.GetBytes(credentials.ApiSecret);
    }

    /// <summary>The API key to send in <see cref="ApiKeyHeader"/>.</summary>
    public string ApiKey { get; }

    /// <summary>The signature of a complete <c>totalParams</c> string.</summary>
    public string ComputeSignature(string totalParams) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(totalParams)));

    /// <summary>The signature of a request whose parameters are split between the query string and the body.</summary>
    public string ComputeSignature(string? queryString, string? body) =>
        ComputeSignature(string.Concat(queryString, body));

    /// <summary>
    /// Appends <c>recvWindow</c> (when given) and <c>timestamp</c> to the business parameters, in that order as the
    /// docs' examples do, and signs the result.
    /// </summary>
    /// <param name="parameters">The business parameters; they must not already hold timestamp, recvWindow or signature.</param>
    /// <param name="timestampMs">Client time in epoch milliseconds when the request is built.</param>
    /// <param name="recvWindowMs">How long the request stays valid, 1 to 60000 ms; null for the venue default (5000).</param>
    public V1SignedRequest Sign(ParameterStringBuilder parameters, long timestampMs, int? recvWindowMs = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestampMs);
        if (recvWindowMs is { } window)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window, nameof(recvWindowMs));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxRecvWindowMs, nameof(recvWindowMs));
        }

        foreach (var reserved in (string[])["timestamp", "recvWindow", SignatureParameter.Name])
        {
            if (parameters.Contains(reserved))
            {
                throw new ArgumentException($"Parameter '{reserved}' is added by the signer; leave it out.", nameof(parameters));
            }
        }

        var text = new StringBuilder(parameters.ToString());
        if (recvWindowMs is { } recvWindow)
        {
            AppendPair(text, "recvWindow", recvWindow);
        }

        AppendPair(text, "timestamp", timestampMs);
        var signed = text.ToString();
        return new V1SignedRequest(signed, ComputeSignature(signed));
    }

    /// <summary>
    /// Checks a received request: the <c>signature</c> must be the last parameter of the raw query string or of
    /// the raw body; the rest of both, concatenated, must HMAC to it (compared without regard to hex case).
    /// </summary>
    public SignatureVerification Verify(string? rawQueryString, string? rawBody)
    {
        string query = rawQueryString ?? string.Empty, body = rawBody ?? string.Empty, sent;
        if (SignatureParameter.TrySplit(body, out var bodyText, out var bodySignature))
        {
            (body, sent) = (bodyText, bodySignature);
        }
        else if (SignatureParameter.TrySplit(query, out var queryText, out var querySignature))
        {
            (query, sent) = (queryText, querySignature);
        }
        else
        {
            return SignatureVerification.Invalid(SignatureFailure.Missing, "No signature parameter ends the query string or the body.");
        }

        if (sent.Length != SignatureHexLength || !HexText.IsHex(sent))
        {
            return SignatureVerification.Invalid(
                SignatureFailure.Malformed, $"A V1 signature is {SignatureHexLength} hex digits; this one has {sent.Length} characters.");
        }

        var expected = Encoding.ASCII.GetBytes(ComputeSignature(query, body));
        var actual = Encoding.ASCII.GetBytes(sent.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? SignatureVerification.Valid()
            : SignatureVerification.Invalid(SignatureFailure.Mismatch, "The signature does not match the parameters for this API key.");
    }

    /// <summary>Names the signer by its API key's first characters.</summary>
    public override string ToString() => $"HmacSigner {{ ApiKey = {CredentialText.Abbreviate(ApiKey)} }}";

    private static void AppendPair(StringBuilder text, string name, long value)
    {
        if (text.Length > 0)
        {
            text.Append('&');
        }

        text.Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
    }
}
