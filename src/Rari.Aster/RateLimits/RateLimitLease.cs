namespace Rari.Aster.RateLimits;

/// <summary>
/// A request's reservation in the <see cref="RateLimitBudget"/>: taken before sending, handed back with the
/// venue's usage headers when the answer (or failure) arrives.
/// </summary>
public sealed class RateLimitLease
{
    internal RateLimitLease(int weight, bool isOrder, RateLimitBudget.RuleState[] states, long[] costs, long[] windowStarts)
    {
        Weight = weight;
        IsOrder = isOrder;
        States = states;
        Costs = costs;
        WindowStarts = windowStarts;
    }

    /// <summary>The request weight reserved.</summary>
    public int Weight { get; }

    /// <summary>Whether an order was counted against the ORDERS limit.</summary>
    public bool IsOrder { get; }

    internal RateLimitBudget.RuleState[] States { get; }

    internal long[] Costs { get; }

    internal long[] WindowStarts { get; }

    internal bool IsCompleted { get; set; }
}
