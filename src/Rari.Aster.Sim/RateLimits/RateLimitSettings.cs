namespace Rari.Aster.Sim.RateLimits;

/// <summary>
/// The limits exchangeInfo declares and the server enforces (fact sheet §5.4): request weight per IP and orders per
/// account, each per one-minute window, plus how IP bans start and grow. Tests use small numbers.
/// </summary>
public sealed record RateLimitSettings
{
    /// <summary>REQUEST_WEIGHT: weight an IP may spend per minute (Aster: 2400).</summary>
    public int RequestWeightPerMinute { get; init; } = 2400;

    /// <summary>ORDERS: orders an account may send per minute (Aster: 1200).</summary>
    public int OrdersPerMinute { get; init; } = 1200;

    /// <summary>
    /// How many requests an IP may send while it is already refused (limited by a 429 or banned) before it is
    /// banned, or its ban is extended.
    /// </summary>
    public int ViolationsBeforeBan { get; init; } = 3;

    /// <summary>The first ban's length; each further ban doubles it (Aster: 2 minutes upward).</summary>
    public TimeSpan InitialBan { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest ban (Aster: 3 days).</summary>
    public TimeSpan MaxBan { get; init; } = TimeSpan.FromDays(3);
}
