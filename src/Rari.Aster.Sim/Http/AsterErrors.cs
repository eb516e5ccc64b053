using System.Globalization;

namespace Rari.Aster.Sim.Http;

/// <summary>
/// The error replies the simulator sends, with Aster's codes and Binance-style texts (fact sheet §5.3). HTTP statuses:
/// 400 for malformed or refused requests, 401 for unknown keys and unauthorized signers, 404/405 for unknown routes.
/// </summary>
public static class AsterErrors
{
    /// <summary>−1000: an unexpected problem.</summary>
    public static AsterError Unknown(string message) => new(-1000, message, 500);

    /// <summary>−1002: the signer may not act for the user (V3).</summary>
    public static AsterError Unauthorized(string message) => new(-1002, message, 401);

    /// <summary>−1020 for a path under /fapi or /api that the venue does not have.</summary>
    public static AsterError UnknownPath(string path) => new(-1020, $"Unknown path '{path}'.", 404);

    /// <summary>−1020 for a known path called with a method it does not support.</summary>
    public static AsterError MethodNotAllowed(string method, string path) =>
        new(-1020, $"Method {method} is not supported on '{path}'.", 405);

    /// <summary>−1020: the operation exists on Aster but this simulator does not perform it.</summary>
    public static AsterError Unsupported(string message) => new(-1020, message, 400);

    /// <summary>−1021 when the timestamp is more than 1000 ms ahead of the server's clock (V1).</summary>
    public static AsterError TimestampAhead() =>
        new(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");

    /// <summary>−1021 when the request is older than its recvWindow (V1).</summary>
    public static AsterError TimestampOutsideWindow() =>
        new(-1021, "Timestamp for this request is outside of the recvWindow.");

    /// <summary>−1022: the signature does not verify.</summary>
    public static AsterError InvalidSignature() => new(-1022, "Signature for this request is not valid.");

    /// <summary>−1101: a parameter was sent twice in the same part of the request.</summary>
    public static AsterError DuplicateParameter(string name) =>
        new(-1101, $"Duplicate values for parameter '{name}'.");

    /// <summary>−1102: a mandatory parameter is missing or empty.</summary>
    public static AsterError MandatoryParameter(string name) =>
        new(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    /// <summary>−1102: one of two parameters must be sent.</summary>
    public static AsterError EitherParameter(string first, string second) =>
        new(-1102, $"Param '{first}' or '{second}' must be sent, but both were empty/null!");

    /// <summary>−1120: an unknown kline interval.</summary>
    public static AsterError InvalidInterval() => new(-1120, "Invalid interval.");

    /// <summary>−1121: an unknown symbol.</summary>
    public static AsterError InvalidSymbol() => new(-1121, "Invalid symbol.");

    /// <summary>−1125: the listenKey does not exist or has expired.</summary>
    public static AsterError InvalidListenKey() => new(-1125, "This listenKey does not exist.");

    /// <summary>−1130: a parameter value is not valid.</summary>
    public static AsterError InvalidParameter(string name, string why) =>
        new(-1130, $"Data sent for parameter '{name}' is not valid: {why}");

    /// <summary>−1023: startTime is after endTime.</summary>
    public static AsterError StartAfterEnd() => new(-1023, "Start time is greater than end time.");

    /// <summary>−2014: the API-key header is missing or malformed (V1).</summary>
    public static AsterError ApiKeyFormat() => new(-2014, "API-key format invalid.", 401);

    /// <summary>−2015: the API key, or the V3 user, is unknown.</summary>
    public static AsterError RejectedKey() => new(-2015, "Invalid API-key, IP, or permissions for action.", 401);

    /// <summary>−4225: the V3 nonce is outside ±10 s of server time or older than every nonce kept.</summary>
    public static AsterError NonceExpired() => new(-4225, "Nonce Expired");

    /// <summary>−4225: the V3 nonce was already used by this user (a replay).</summary>
    public static AsterError NonceReused() => new(-4225, "Nonce Expired: this nonce was already used.");

    /// <summary>−1003 with HTTP 429: the IP's request weight for the minute is spent.</summary>
    public static AsterError TooManyRequests(string ip, int limit) => new(
        -1003,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Too many requests; current limit of IP({ip}) request weight per minute is {limit}. Please use WebSocket Streams for live updates to avoid polling the API."),
        429);

    /// <summary>−1015 with HTTP 429: the account's order count for the minute is spent.</summary>
    public static AsterError TooManyOrders(int limit) => new(
        -1015, string.Create(CultureInfo.InvariantCulture, $"Too many new orders; current limit is {limit} orders per MINUTE."), 429);

    /// <summary>−1003 with HTTP 418: the IP is banned until <paramref name="untilMs"/>.</summary>
    public static AsterError Banned(long untilMs) => new(
        -1003,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Way too many requests; IP banned until {untilMs}. Please use the websocket for live updates to avoid bans."),
        418);

    /// <summary>−1000 with HTTP 500: an injected internal error (the request was not processed).</summary>
    public static AsterError InjectedServerError() =>
        new(-1000, "An unknown error occurred while processing the request.", 500);

    /// <summary>−1001 with HTTP 503: an injected unavailability (the request was not processed).</summary>
    public static AsterError InjectedUnavailable() =>
        new(-1001, "Internal error; unable to process your request. Please try again.", 503);

    /// <summary>−1003 with HTTP 429: an injected 429 storm (the request was not processed).</summary>
    public static AsterError InjectedTooManyRequests() =>
        new(-1003, "Too many requests; current request rate is too high (injected 429 storm).", 429);

    /// <summary>−1130 with HTTP 413: the body is larger than the simulator accepts.</summary>
    public static AsterError BodyTooLarge() => new(-1130, "The request body is larger than 1 MiB.", 413);

    /// <summary>
    /// −1007 with HTTP 503: the request WAS processed but the answer is withheld, so the caller cannot know the
    /// outcome (fact sheet §5.1: reconcile, do not assume failure).
    /// </summary>
    public static AsterError UnknownExecutionStatus() => new(
        -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", 503);
}
