namespace Rari.Aster.RateLimits;

/// <summary>How full one limit's current window is.</summary>
/// <param name="Rule">The limit.</param>
/// <param name="WindowStartMs">Start of the current window, server time in epoch ms.</param>
/// <param name="Used">Units counted in the window: the venue's last report plus requests still in flight.</param>
/// <param name="InFlight">Units of requests sent but not yet answered.</param>
public sealed record RateLimitWindow(RateLimitRule Rule, long WindowStartMs, long Used, long InFlight);

/// <summary>The state of the shared budget, for the dashboard and <c>rari check</c>.</summary>
/// <param name="Windows">Each limit's current window.</param>
/// <param name="BlockedUntilMs">End of a 429 back-off (server time, epoch ms), or null when none is running.</param>
/// <param name="BannedUntilMs">End of a 418 IP ban (server time, epoch ms), or null when not banned.</param>
public sealed record RateLimitSnapshot(IReadOnlyList<RateLimitWindow> Windows, long? BlockedUntilMs, long? BannedUntilMs)
{
    /// <summary>The window of <paramref name="type"/> with the largest share of its limit used, or null when none is known.</summary>
    /// <param name="type">The kind of limit, e.g. <see cref="RateLimitType.Orders"/>.</param>
    public RateLimitWindow? Tightest(RateLimitType type)
    {
        RateLimitWindow? tightest = null;
        foreach (var window in Windows)
        {
            if (window.Rule.Type == type && window.Rule.Limit > 0
                && (tightest is null || (decimal)window.Used / window.Rule.Limit > (decimal)tightest.Used / tightest.Rule.Limit))
            {
                tightest = window;
            }
        }

        return tightest;
    }
}
