using System.Globalization;
using Rari.Aster.Signing;

namespace Rari.Aster.Rest;

/// <summary>
/// Everything the Aster REST client needs to know: where the venue is, who we are (V1 key or V3 API wallet, which
/// also picks the API family), how requests are timed and how hard failures are retried.
/// </summary>
/// <remarks>
/// <para>Start from <see cref="Mainnet"/>, <see cref="Testnet"/> or <see cref="FromEnvironment"/> and change fields
/// with <c>with</c>; <see cref="Validate"/> lists every bad field at once. The client validates on construction.</para>
/// <para>Secrets never appear in <see cref="ToString"/>: the credential records redact themselves.</para>
/// </remarks>
public sealed record AsterClientOptions
{
    /// <summary>Default <c>recvWindow</c> for V1 signed requests, in milliseconds (the venue's own default).</summary>
    public const int DefaultRecvWindowMs = 5_000;

    /// <summary>
    /// How far a V3 nonce may be from the server's time, in milliseconds (fact sheet §2.3.5): a V3 request older
    /// than this can no longer be accepted.
    /// </summary>
    public const int V3NonceToleranceMs = 10_000;

    /// <summary>Aster's mainnet futures REST host.</summary>
    public static Uri MainnetRestUrl { get; } = new("https://fapi.asterdex.com");

    /// <summary>Aster's testnet futures REST host.</summary>
    public static Uri TestnetRestUrl { get; } = new("https://fapi.asterdex-testnet.com");

    /// <summary>Aster's mainnet futures WebSocket host.</summary>
    public static Uri MainnetWebSocketUrl { get; } = new("wss://fstream.asterdex.com");

    /// <summary>Aster's testnet futures WebSocket host.</summary>
    public static Uri TestnetWebSocketUrl { get; } = new("wss://fstream.asterdex-testnet.com");

    /// <summary>Mainnet hosts and chain id, no credentials (public endpoints only).</summary>
    public static AsterClientOptions Mainnet { get; } = new();

    /// <summary>Testnet hosts and the testnet chain id 714, no credentials.</summary>
    public static AsterClientOptions Testnet { get; } = new()
    {
        RestBaseUrl = TestnetRestUrl,
        WebSocketBaseUrl = TestnetWebSocketUrl,
        V3ChainId = AsterEip712.TestnetChainId,
    };

    /// <summary>
    /// The REST base URL: Aster mainnet by default, the testnet, or any URL such as the local simulator's
    /// (<c>http://127.0.0.1:PORT</c>). Paths such as <c>/fapi/v3/order</c> are appended to it.
    /// </summary>
    public Uri RestBaseUrl { get; init; } = MainnetRestUrl;

    /// <summary>The WebSocket base URL for market and user-data streams.</summary>
    public Uri WebSocketBaseUrl { get; init; } = MainnetWebSocketUrl;

    /// <summary>The V1 API key and secret; set it or <see cref="V3Credentials"/>, not both.</summary>
    public V1Credentials? V1Credentials { get; init; }

    /// <summary>The V3 user, signer and API-wallet key; set it or <see cref="V1Credentials"/>, not both.</summary>
    public V3Credentials? V3Credentials { get; init; }

    /// <summary>
    /// The API family, chosen by the credentials: V3 with <see cref="V3Credentials"/>, V1 with
    /// <see cref="V1Credentials"/>, and V3 (the recommended family) for a client without credentials.
    /// </summary>
    public AsterApiVersion ApiVersion =>
        V1Credentials is not null && V3Credentials is null ? AsterApiVersion.V1 : AsterApiVersion.V3;

    /// <summary>Whether signed (account and trading) endpoints can be called.</summary>
    public bool HasCredentials => V1Credentials is not null || V3Credentials is not null;

    /// <summary>The EIP-712 chain id V3 requests are signed for: 1666 on mainnet (default), 714 on testnet.</summary>
    public long V3ChainId { get; init; } = AsterEip712.MainnetChainId;

    /// <summary>Parameter order and address spelling of V3 messages; ccxt's by default.</summary>
    public V3MessageLayout V3Layout { get; init; } = V3MessageLayout.Ccxt;

    /// <summary>
    /// The last V3 nonce issued before this process started (0 if none), so nonces keep increasing across restarts.
    /// Restore it from what <see cref="NonceIssued"/> persisted.
    /// </summary>
    public long V3LastNonce { get; init; }

    /// <summary>
    /// Called with every V3 nonce before the request that carries it is sent; persist the value and pass it back as
    /// <see cref="V3LastNonce"/> after a restart. Called concurrently from every request thread.
    /// </summary>
    public Action<long>? NonceIssued { get; init; }

    /// <summary>
    /// The V1 <c>recvWindow</c> in milliseconds, 1 to 60000: how long after its timestamp the venue still accepts a
    /// signed request. Null leaves the parameter out (the venue then uses 5000).
    /// </summary>
    public int? RecvWindowMs { get; init; } = DefaultRecvWindowMs;

    /// <summary>How long one HTTP attempt may take before it is abandoned (its outcome is then unknown).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many attempts a request that is safe to repeat (reads, cancels) gets in total; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the second attempt of a safe request; it doubles for each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the server-clock offset is measured again (it is always measured before the first signed request).</summary>
    public TimeSpan ClockSyncInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many <c>/time</c> round trips one clock measurement takes; the one with the shortest round trip wins.</summary>
    public int ClockSyncSamples { get; init; } = 3;

    /// <summary>How long all callers wait after an HTTP 429 that carries no <c>Retry-After</c> header.</summary>
    public TimeSpan RateLimitBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long requests are refused after an HTTP 418 that names no ban end (the venue's shortest ban is 2 minutes).</summary>
    public TimeSpan BanBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the client keeps querying an order whose placement outcome is unknown (timeout, 5xx, −1006, −1007)
    /// before it gives up and reports the status as still unknown.
    /// </summary>
    public TimeSpan UnknownStatusTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The pause between two queries of an order whose placement outcome is unknown.</summary>
    public TimeSpan UnknownStatusPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Slack added to the request window before "order not found" is taken as "not placed", covering the error
    /// of the measured clock offset.
    /// </summary>
    public TimeSpan ClockUncertainty { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after it was signed a request can still be accepted by the venue: the V1 <c>recvWindow</c> (5000
    /// when not sent) or the V3 nonce tolerance of ±10 s. After this (plus <see cref="ClockUncertainty"/>) an order
    /// that cannot be found was never placed.
    /// </summary>
    public TimeSpan RequestAcceptanceWindow => ApiVersion == AsterApiVersion.V1
        ? TimeSpan.FromMilliseconds(RecvWindowMs ?? DefaultRecvWindowMs)
        : TimeSpan.FromMilliseconds(V3NonceToleranceMs);

    /// <summary>
    /// Reads the credentials from the environment: <c>ASTER_PRIVATE_KEY</c> (with optional <c>ASTER_USER</c> and
    /// <c>ASTER_SIGNER</c>) selects V3; <c>ASTER_API_KEY</c> and <c>ASTER_API_SECRET</c> select V1. Everything
    /// else comes from <paramref name="template"/> (mainnet by default).
    /// </summary>
    /// <param name="getEnvironmentVariable">Pass <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    /// <param name="template">Hosts, chain id and timings to keep.</param>
    /// <exception cref="InvalidOperationException">
    /// No credentials are set, both kinds are set, or the set ones are unusable; the message names the variables and
    /// never contains their values.
    /// </exception>
    public static AsterClientOptions FromEnvironment(Func<string, string?> getEnvironmentVariable, AsterClientOptions? template = null)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        template ??= Mainnet;
        var hasV3 = IsSet(getEnvironmentVariable(V3Credentials.PrivateKeyVariable));
        var hasV1 = IsSet(getEnvironmentVariable(V1Credentials.ApiKeyVariable)) || IsSet(getEnvironmentVariable(V1Credentials.ApiSecretVariable));
        return (hasV1, hasV3) switch
        {
            (true, true) => throw new InvalidOperationException(
                $"Both V1 ({V1Credentials.ApiKeyVariable}/{V1Credentials.ApiSecretVariable}) and V3 ({V3Credentials.PrivateKeyVariable}) " +
                "credentials are set; set one kind only, so it is clear which API family and account the trader uses."),
            (false, true) => template with { V1Credentials = null, V3Credentials = V3Credentials.FromEnvironment(getEnvironmentVariable) },
            (true, false) => template with { V1Credentials = V1Credentials.FromEnvironment(getEnvironmentVariable), V3Credentials = null },
            _ => throw new InvalidOperationException(
                $"No Aster credentials are set: set {V3Credentials.PrivateKeyVariable} (and {V3Credentials.UserVariable} for an API wallet) " +
                $"for V3, or {V1Credentials.ApiKeyVariable} and {V1Credentials.ApiSecretVariable} for V1."),
        };
    }

    /// <summary>Every problem with these options, one sentence each naming the field; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        CheckUrl(problems, nameof(RestBaseUrl), RestBaseUrl, "http", "https");
        CheckUrl(problems, nameof(WebSocketBaseUrl), WebSocketBaseUrl, "ws", "wss");
        if (V1Credentials is not null && V3Credentials is not null)
        {
            problems.Add("V1Credentials and V3Credentials are both set; set one, which also chooses the API family.");
        }

        if (V3ChainId <= 0)
        {
            problems.Add(Text($"V3ChainId is {V3ChainId}; use 1666 for mainnet or 714 for testnet."));
        }
        else if (KnownChainOf(RestBaseUrl) is { } expected && expected != V3ChainId && V3Credentials is not null)
        {
            problems.Add(Text($"V3ChainId is {V3ChainId} but {RestBaseUrl.Host} signs with chain id {expected}; every signed request would be refused."));
        }

        if (!Enum.IsDefined(V3Layout))
        {
            problems.Add(Text($"V3Layout {V3Layout} is unknown; use Ccxt or Docs."));
        }

        if (V3LastNonce < 0)
        {
            problems.Add(Text($"V3LastNonce is {V3LastNonce}; it must be 0 or the last nonce issued."));
        }

        if (RecvWindowMs is { } window && window is < 1 or > HmacSigner.MaxRecvWindowMs)
        {
            problems.Add(Text($"RecvWindowMs is {window}; the venue accepts 1 to {HmacSigner.MaxRecvWindowMs} ms (5000 advised)."));
        }

        if (MaxAttempts is < 1 or > 10)
        {
            problems.Add(Text($"MaxAttempts is {MaxAttempts}; use 1 (no retries) to 10."));
        }

        if (ClockSyncSamples is < 1 or > 20)
        {
            problems.Add(Text($"ClockSyncSamples is {ClockSyncSamples}; use 1 to 20."));
        }

        CheckPositive(problems, nameof(RequestTimeout), RequestTimeout);
        CheckPositive(problems, nameof(ClockSyncInterval), ClockSyncInterval);
        CheckPositive(problems, nameof(RateLimitBackoff), RateLimitBackoff);
        CheckPositive(problems, nameof(BanBackoff), BanBackoff);
        CheckPositive(problems, nameof(UnknownStatusTimeout), UnknownStatusTimeout);
        CheckPositive(problems, nameof(UnknownStatusPollInterval), UnknownStatusPollInterval);
        CheckNotNegative(problems, nameof(RetryBaseDelay), RetryBaseDelay);
        CheckNotNegative(problems, nameof(ClockUncertainty), ClockUncertainty);
        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds anything.</summary>
    /// <exception cref="ArgumentException">The options are unusable; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Aster client options are unusable: {string.Join(" ", problems)}");
        }
    }

    /// <summary>The hosts, API family, chain and credentials (redacted), for logs and <c>rari check</c>.</summary>
    public override string ToString()
    {
        var identity = V3Credentials?.ToString() ?? V1Credentials?.ToString() ?? "no credentials";
        return Text($"AsterClientOptions {{ Rest = {RestBaseUrl}, WebSocket = {WebSocketBaseUrl}, Api = {ApiVersion}, ChainId = {V3ChainId}, RecvWindowMs = {RecvWindowMs}, {identity} }}");
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

    private static long? KnownChainOf(Uri url) =>
        url.Host.Equals(MainnetRestUrl.Host, StringComparison.OrdinalIgnoreCase) ? AsterEip712.MainnetChainId
        : url.Host.Equals(TestnetRestUrl.Host, StringComparison.OrdinalIgnoreCase) ? AsterEip712.TestnetChainId
        : null;

    private static void CheckUrl(List<string> problems, string name, Uri? url, params string[] schemes)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            problems.Add($"{name} must be an absolute URL such as {schemes[^1]}://host.");
        }
        else if (!schemes.Contains(url.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{name} {url} uses scheme '{url.Scheme}'; use {string.Join(" or ", schemes)}.");
        }
        else if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            problems.Add($"{name} {url.GetLeftPart(UriPartial.Path)} must not carry a query or fragment; paths and parameters are added per request.");
        }
    }

    private static void CheckPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(Text($"{name} is {value}; it must be positive."));
        }
    }

    private static void CheckNotNegative(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add(Text($"{name} is {value}; it must not be negative."));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
