namespace Rari.Aster.Errors;

/// <summary>The Aster error codes the client acts on (fact sheet §5.3); the full table lives in the fact sheet.</summary>
public static class AsterErrorCodes
{
    /// <summary>−1000 UNKNOWN: unknown error while processing the request.</summary>
    public const int Unknown = -1000;

    /// <summary>−1001 DISCONNECTED: internal error; try again.</summary>
    public const int Disconnected = -1001;

    /// <summary>−1002 UNAUTHORIZED.</summary>
    public const int Unauthorized = -1002;

    /// <summary>−1003 TOO_MANY_REQUESTS: request rate limit, or an IP ban when the message says "banned until".</summary>
    public const int TooManyRequests = -1003;

    /// <summary>−1006 UNEXPECTED_RESP: execution status unknown.</summary>
    public const int UnexpectedResponse = -1006;

    /// <summary>−1007 TIMEOUT: backend timeout; execution status unknown.</summary>
    public const int Timeout = -1007;

    /// <summary>−1015 TOO_MANY_ORDERS: order rate limit.</summary>
    public const int TooManyOrders = -1015;

    /// <summary>−1016 SERVICE_SHUTTING_DOWN.</summary>
    public const int ServiceShuttingDown = -1016;

    /// <summary>−1021 INVALID_TIMESTAMP: outside recvWindow or ahead of server time (V1).</summary>
    public const int InvalidTimestamp = -1021;

    /// <summary>−1022 INVALID_SIGNATURE.</summary>
    public const int InvalidSignature = -1022;

    /// <summary>−2011 CANCEL_REJECTED: "Unknown order sent."</summary>
    public const int CancelRejected = -2011;

    /// <summary>−2013 NO_SUCH_ORDER: order does not exist.</summary>
    public const int NoSuchOrder = -2013;

    /// <summary>−2014 BAD_API_KEY_FMT.</summary>
    public const int BadApiKeyFormat = -2014;

    /// <summary>−2015 REJECTED_MBX_KEY: invalid key, IP or permissions.</summary>
    public const int RejectedApiKey = -2015;

    /// <summary>−2018 BALANCE_NOT_SUFFICIENT.</summary>
    public const int BalanceNotSufficient = -2018;

    /// <summary>−2019 MARGIN_NOT_SUFFICIEN (sic).</summary>
    public const int MarginNotSufficient = -2019;

    /// <summary>−4225 "Nonce Expired" (V3).</summary>
    public const int NonceExpired = -4225;
}
