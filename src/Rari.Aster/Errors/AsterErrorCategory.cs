namespace Rari.Aster.Errors;

/// <summary>
/// What kind of failure an Aster call met, which decides what the caller may do next: fix the request, wait,
/// stop, or reconcile.
/// </summary>
public enum AsterErrorCategory
{
    /// <summary>A failure that fits no other category; treat it like <see cref="InvalidRequest"/>.</summary>
    Other = 0,

    /// <summary>Bad key, signature, signer or permissions (−1002, −1022, −2014, −2015, HTTP 401). Not worth retrying.</summary>
    Authentication = 1,

    /// <summary>The request's timestamp or nonce is outside the accepted window (−1021, −4225); resync the clock and resend.</summary>
    InvalidTimestamp = 2,

    /// <summary>A request-rate limit was hit (HTTP 429, −1003, −1015); every caller waits until the back-off ends.</summary>
    RateLimited = 3,

    /// <summary>The IP is banned for continuing after 429s (HTTP 418); nothing may be sent until the ban ends.</summary>
    IpBanned = 4,

    /// <summary>The request is malformed or unsupported (−1100…−1130, −1013, −1014, −1020, HTTP 4xx); fix it, do not retry.</summary>
    InvalidRequest = 5,

    /// <summary>A price, quantity or notional breaks a symbol filter (−4001…−4024, −4131, −4164, −5060, −5076).</summary>
    FilterViolation = 6,

    /// <summary>Not enough balance or margin for the order or change (−2018, −2019, −2027, −2028, −4050, −4051).</summary>
    InsufficientMargin = 7,

    /// <summary>The order does not exist or is no longer open (−2011, −2013).</summary>
    UnknownOrder = 8,

    /// <summary>The venue refused the order for a trading reason (−2010, −2020…−2026, −4045, −4061, −4142…).</summary>
    OrderRejected = 9,

    /// <summary>
    /// The request may or may not have been executed (HTTP 503, −1006, −1007, a timeout or a broken connection
    /// after sending). A new order in this state is resolved by querying its client order id, never re-sent.
    /// </summary>
    UnknownExecutionStatus = 10,

    /// <summary>The venue failed internally (HTTP 5xx other than 503, −1000, −1001, −1016); nothing was executed.</summary>
    ServerError = 11,

    /// <summary>The venue's firewall refused the request (HTTP 403).</summary>
    Firewall = 12,

    /// <summary>The request could not be delivered (no connection); it was certainly not executed.</summary>
    NotDelivered = 13,
}
