namespace Rari.Aster.RateLimits;

/// <summary>What a rate limit counts (exchangeInfo <c>rateLimitType</c>, fact sheet §5.4).</summary>
public enum RateLimitType
{
    /// <summary>A type this client does not know; such rules are not enforced.</summary>
    Unknown = 0,

    /// <summary><c>REQUEST_WEIGHT</c>: the summed weight of all requests, per IP (2400 per minute).</summary>
    RequestWeight = 1,

    /// <summary><c>ORDERS</c>: new orders, per account (1200 per minute).</summary>
    Orders = 2,

    /// <summary><c>RAW_REQUESTS</c>: the number of requests whatever their weight.</summary>
    RawRequests = 3,
}
