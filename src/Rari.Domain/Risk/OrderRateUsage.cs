namespace Rari.Domain.Risk;

/// <summary>
/// How much of the exchange's order-rate limit is used in the current window (Aster's <c>ORDERS</c> limit, read from the
/// <c>X-MBX-ORDER-COUNT-*</c> headers); the tightest window when there are several.
/// </summary>
/// <param name="Used">Orders counted in the current window, those in flight included.</param>
/// <param name="Limit">The window's limit; 0 when unknown, which skips the order-rate rule.</param>
public readonly record struct OrderRateUsage(long Used, long Limit)
{
    /// <summary>The usage when nothing is known: the order-rate rule is skipped.</summary>
    public static OrderRateUsage Unknown => default;

    /// <summary>True when a limit is known.</summary>
    public bool IsKnown => Limit > 0;
}
