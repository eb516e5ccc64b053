namespace Rari.Aster.Errors;

/// <summary>
/// Aster refused a request for its rate (HTTP 429, category <see cref="AsterErrorCategory.RateLimited"/>) or has
/// banned the IP (HTTP 418, <see cref="AsterErrorCategory.IpBanned"/>), or the shared budget refused to send
/// during a ban. <see cref="BlockedUntilMs"/> says when sending may resume.
/// </summary>
public sealed class AsterRateLimitException : AsterApiException
{
    /// <summary>Creates an exception with no venue details.</summary>
    public AsterRateLimitException()
    {
    }

    /// <summary>Creates an exception with a message and no venue details.</summary>
    public AsterRateLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause, and no venue details.</summary>
    public AsterRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a request refused by a rate limit or ban.</summary>
    /// <param name="category"><see cref="AsterErrorCategory.RateLimited"/> or <see cref="AsterErrorCategory.IpBanned"/>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="httpStatus">429, 418, or null when the budget refused before sending.</param>
    /// <param name="code">Aster's error code, if any.</param>
    /// <param name="venueMessage">Aster's text or the budget's explanation.</param>
    /// <param name="blockedUntilMs">When sending may resume, server time in epoch ms.</param>
    public AsterRateLimitException(
        AsterErrorCategory category, string method, string path, int? httpStatus, int? code, string? venueMessage, long blockedUntilMs)
        : base(category, method, path, httpStatus, code, venueMessage)
    {
        BlockedUntilMs = blockedUntilMs;
    }

    /// <summary>When sending may resume, in epoch milliseconds (server time).</summary>
    public long BlockedUntilMs { get; }

    /// <summary>Whether this is an IP ban (HTTP 418) rather than a back-off.</summary>
    public bool IsBan => Category == AsterErrorCategory.IpBanned;
}
