using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Aster.Clock;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.RateLimits;
using Rari.Aster.Signing;

namespace Rari.Aster.Rest;

/// <summary>
/// Sends Aster REST requests: builds each one as the fact sheet prescribes (§1.3), authenticates it per endpoint
/// (§2.1), waits for the shared rate-limit budget, reads the usage headers back into it, turns failures into
/// <see cref="AsterApiException"/>s and repeats the ones that are safe to repeat.
/// </summary>
/// <remarks>
/// <para>GET parameters travel in the query string; POST, PUT and DELETE parameters in an
/// <c>application/x-www-form-urlencoded</c> body. Either way the bytes sent are exactly the signed text: it is
/// built once by <see cref="ParameterStringBuilder"/> and never re-encoded.</para>
/// <para>V1 signed requests carry <c>X-MBX-APIKEY</c>, <c>recvWindow</c> and a <c>timestamp</c> from the
/// <see cref="ServerClock"/>; V3 ones carry <c>nonce</c> (strictly increasing, handed to
/// <see cref="AsterClientOptions.NonceIssued"/> before sending), <c>user</c> and <c>signer</c>.</para>
/// <para>Retries: only endpoints marked safe are repeated, after a timeout, a 5xx, an undelivered request or a
/// 429 (the budget then holds the retry until the back-off ends), with exponential back-off. A refused timestamp
/// (−1021, −4225) was certainly not executed, so the clock is measured again and the request re-signed once,
/// whatever the endpoint.</para>
/// <para>Thread-safe; share one instance per account.</para>
/// </remarks>
public sealed class AsterHttpTransport
{
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded");

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HmacSigner? _hmac;
    private readonly V3RequestSigner? _v3Signer;
    private readonly V3NonceSource? _nonces;
    private readonly string _baseUrl;

    /// <summary>Creates a transport over <paramref name="http"/>, which the caller owns.</summary>
    /// <param name="http">The HTTP client; its own timeout should be infinite, <see cref="AsterClientOptions.RequestTimeout"/> applies.</param>
    /// <param name="options">Hosts, credentials and timings; validated here.</param>
    /// <param name="budget">The process-wide rate-limit budget.</param>
    /// <param name="clock">The server clock for timestamps and nonces.</param>
    /// <param name="logger">Where requests and failures are logged.</param>
    /// <param name="time">The local clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are unusable.</exception>
    public AsterHttpTransport(
        HttpClient http,
        AsterClientOptions options,
        RateLimitBudget budget,
        ServerClock clock,
        ILogger<AsterHttpTransport>? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        _http = http;
        Options = options;
        Budget = budget;
        Clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _baseUrl = options.RestBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (options.V1Credentials is { } v1)
        {
            _hmac = new HmacSigner(v1);
        }

        if (options.V3Credentials is { } v3)
        {
            _v3Signer = new V3RequestSigner(v3, options.V3ChainId, options.V3Layout);
            _nonces = new V3NonceSource(() => Clock.NowMicros, options.V3LastNonce);
        }
    }

    /// <summary>The options in force.</summary>
    public AsterClientOptions Options { get; }

    /// <summary>The API family, from the credentials.</summary>
    public AsterApiVersion ApiVersion => Options.ApiVersion;

    /// <summary>The shared rate-limit budget.</summary>
    public RateLimitBudget Budget { get; }

    /// <summary>The server clock.</summary>
    public ServerClock Clock { get; }

    /// <summary>Sends a request, repeating it where that is safe, and returns the successful answer.</summary>
    /// <exception cref="AsterApiException">The venue refused it, or its outcome is unknown; see the category.</exception>
    /// <exception cref="InvalidOperationException">The endpoint needs credentials and none are configured.</exception>
    public async Task<AsterResponse> SendAsync(AsterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = request.Endpoint;
        if (endpoint.NeedsCredentials(ApiVersion) && !Options.HasCredentials)
        {
            throw new InvalidOperationException(
                $"{endpoint.Method} {endpoint.PathFor(ApiVersion)} needs credentials; configure V1 or V3 credentials in AsterClientOptions.");
        }

        var timestampRetried = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(request, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (AsterApiException error) when (error.Category == AsterErrorCategory.InvalidTimestamp && !timestampRetried)
            {
                // Refused before execution: measure the clock again and re-sign, even a new order.
                timestampRetried = true;
                Clock.Invalidate();
                TransportLog.Retrying(_logger, error.Method, error.Path, 0, error.Category, attempt, attempt + 1);
            }
            catch (AsterApiException error) when (IsRetriable(endpoint, error, attempt))
            {
                var delay = TimeSpan.FromMilliseconds(Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
                TransportLog.Retrying(_logger, error.Method, error.Path, (long)delay.TotalMilliseconds, error.Category, attempt, Options.MaxAttempts);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Measures the server-clock offset now (for <c>rari check</c>) and returns it.</summary>
    public async Task<ClockSkew> SyncClockAsync(CancellationToken cancellationToken)
    {
        var skew = await Clock.SyncAsync(FetchServerTimeAsync, cancellationToken).ConfigureAwait(false);
        TransportLog.ClockMeasured(_logger, skew.OffsetMs, skew.RoundTripMs, skew.Samples);
        return skew;
    }

    private bool IsRetriable(AsterEndpoint endpoint, AsterApiException error, int attempt) =>
        endpoint.IsSafeToRetry
        && attempt < Options.MaxAttempts
        && error.Category is AsterErrorCategory.UnknownExecutionStatus or AsterErrorCategory.ServerError
            or AsterErrorCategory.NotDelivered or AsterErrorCategory.RateLimited;

    private async Task<long> FetchServerTimeAsync(CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(new AsterRequest(AsterEndpoints.Time, new ParameterStringBuilder()), 1, cancellationToken)
            .ConfigureAwait(false);
        return AsterJson.Deserialize<AsterServerTime>(response.Body.Span).ServerTime;
    }

    private async Task<AsterResponse> SendOnceAsync(AsterRequest request, int attempt, CancellationToken cancellationToken)
    {
        var endpoint = request.Endpoint;
        var method = endpoint.Method.Method;
        var path = endpoint.PathFor(ApiVersion);
        if (endpoint.IsSigned(ApiVersion) && !Clock.IsFresh)
        {
            var skew = await Clock.SyncAsync(FetchServerTimeAsync, cancellationToken).ConfigureAwait(false);
            TransportLog.ClockMeasured(_logger, skew.OffsetMs, skew.RoundTripMs, skew.Samples);
        }

        RateLimitLease lease;
        try
        {
            lease = await Budget.AcquireAsync(request.EffectiveWeight, endpoint.PlacesOrders, cancellationToken).ConfigureAwait(false);
        }
        catch (AsterRateLimitException banned)
        {
            throw new AsterRateLimitException(banned.Category, method, path, null, null, banned.VenueMessage, banned.BlockedUntilMs);
        }

        // Sign after the budget's wait, so the timestamp or nonce is fresh when the request leaves.
        using var message = Build(request, path, out var requestTimeMs);
        var started = _time.GetTimestamp();
        HttpResponseMessage? response = null;
        byte[] body;
        try
        {
            using var timeout = new CancellationTokenSource(Options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
            {
                throw Fail(AsterErrorCategory.UnknownExecutionStatus, method, path, null, null,
                    Text($"no answer within {Options.RequestTimeout.TotalMilliseconds} ms"), requestTimeMs, timedOut);
            }
            catch (HttpRequestException failed)
            {
                // A connection that was never established carried nothing; any later failure may follow execution.
                var category = failed.HttpRequestError == HttpRequestError.ConnectionError
                    ? AsterErrorCategory.NotDelivered
                    : AsterErrorCategory.UnknownExecutionStatus;
                throw Fail(category, method, path, null, null, failed.Message, requestTimeMs, failed);
            }
        }
        finally
        {
            Budget.Complete(lease, response is null ? [] : RateLimitUsage.ReadAll(response.Headers));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var latencyMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            TransportLog.Completed(_logger, method, path, request.EffectiveWeight, status, latencyMs, attempt);
            var hasError = AsterErrorClassifier.TryReadError(body, out var venueError);
            if (!hasError && status is >= 200 and < 300)
            {
                return new AsterResponse(status, body, requestTimeMs);
            }

            var code = hasError ? venueError.Code : null;
            var text = hasError ? venueError.Message : Text($"HTTP {status} {response.ReasonPhrase}");
            var category = AsterErrorClassifier.Classify(status, code);
            var retryAfter = RetryAfter(response);
            if (category == AsterErrorCategory.IpBanned || (code == AsterErrorCodes.TooManyRequests && AsterErrorClassifier.TryReadBanEnd(text, out _)))
            {
                long? namedEnd = AsterErrorClassifier.TryReadBanEnd(text, out var end) ? end : null;
                var until = Budget.RecordBan(namedEnd, retryAfter, Options.BanBackoff);
                TransportLog.Failed(_logger, method, path, AsterErrorCategory.IpBanned, status, code, text);
                throw new AsterRateLimitException(AsterErrorCategory.IpBanned, method, path, status, code, text, until);
            }

            if (category == AsterErrorCategory.RateLimited)
            {
                var until = Budget.RecordRateLimited(retryAfter, Options.RateLimitBackoff);
                TransportLog.Failed(_logger, method, path, category, status, code, text);
                throw new AsterRateLimitException(category, method, path, status, code, text, until);
            }

            throw Fail(category, method, path, status, code, text, requestTimeMs, null);
        }
    }

    private AsterApiException Fail(
        AsterErrorCategory category, string method, string path, int? status, int? code, string? text, long? requestTimeMs, Exception? inner)
    {
        TransportLog.Failed(_logger, method, path, category, status, code, text);
        return new AsterApiException(category, method, path, status, code, text, requestTimeMs, inner);
    }

    private HttpRequestMessage Build(AsterRequest request, string path, out long? requestTimeMs)
    {
        var endpoint = request.Endpoint;
        requestTimeMs = null;
        string payload;
        string? apiKey = null;
        if (endpoint.IsSigned(ApiVersion) && ApiVersion == AsterApiVersion.V1)
        {
            var timestamp = Clock.NowMs;
            payload = _hmac!.Sign(request.Parameters, timestamp, Options.RecvWindowMs).Payload;
            (requestTimeMs, apiKey) = (timestamp, _hmac.ApiKey);
        }
        else if (endpoint.IsSigned(ApiVersion))
        {
            var nonce = _nonces!.Next();
            Options.NonceIssued?.Invoke(nonce);
            payload = _v3Signer!.Sign(request.Parameters, nonce).Payload;
            requestTimeMs = nonce / 1000;
        }
        else
        {
            payload = request.Parameters.ToString();
            apiKey = endpoint.NeedsCredentials(ApiVersion) ? _hmac?.ApiKey : null;
        }

        var isQuery = endpoint.Method == HttpMethod.Get;
        var url = isQuery && payload.Length > 0 ? $"{_baseUrl}{path}?{payload}" : _baseUrl + path;
        var message = new HttpRequestMessage(endpoint.Method, new Uri(url, UriKind.Absolute));
        if (!isQuery && payload.Length > 0)
        {
            // The exact signed bytes, with a bare content type (no charset), as ccxt sends them.
            message.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(payload));
            message.Content.Headers.ContentType = FormContentType;
        }

        if (apiKey is not null)
        {
            message.Headers.TryAddWithoutValidation(HmacSigner.ApiKeyHeader, apiKey);
        }

        return message;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
