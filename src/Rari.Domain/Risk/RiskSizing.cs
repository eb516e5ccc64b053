namespace Rari.Domain.Risk;

/// <summary>
/// Turns "at most this quantity" into a verdict: the quantity rounded down onto the order type's step, denied when what
/// is left is below the venue's minimum quantity or notional.
/// </summary>
internal static class RiskSizing
{
    /// <summary>
    /// A verdict that keeps the order at or below <paramref name="maxQuantity"/>. <paramref name="why"/> says which limit
    /// binds, with the numbers; the verdict appends what was done about it.
    /// </summary>
    public static RuleVerdict Fit(in RiskCheck check, decimal maxQuantity, string why)
    {
        if (maxQuantity >= check.Quantity)
        {
            return RuleVerdict.Approve(check.Quantity, why);
        }

        var instrument = check.View.Instrument;
        var type = check.Intent.Type;
        var lot = instrument.LotSizeFor(type);
        var fitted = maxQuantity > 0m ? instrument.RoundQuantityDown(maxQuantity, type) : 0m;
        if (fitted <= 0m)
        {
            return RuleVerdict.Deny(RiskText.Of($"{why}; no quantity fits"));
        }

        if (fitted < lot.MinQty)
        {
            return RuleVerdict.Deny(RiskText.Of(
                $"{why}; the largest quantity that fits, {fitted}, is below the minimum quantity {lot.MinQty}"));
        }

        var notional = fitted * check.ReferencePrice;
        var minimum = instrument.MinNotional.Notional;
        if (notional < minimum)
        {
            return RuleVerdict.Deny(RiskText.Of(
                $"{why}; the largest quantity that fits, {fitted}, is worth {notional} USDT, below the minimum notional {minimum} USDT"));
        }

        return RuleVerdict.Resize(fitted, RiskText.Of($"{why}; resized from {check.Quantity} to {fitted}"));
    }

    /// <summary>
    /// A verdict that keeps the order's new exposure at or below <paramref name="maxOpening"/>, leaving the part that
    /// closes the current position untouched.
    /// </summary>
    public static RuleVerdict FitOpening(in RiskCheck check, decimal maxOpening, string why) =>
        Fit(check, check.ClosingQuantity + Math.Max(0m, maxOpening), why);

    /// <summary>
    /// A verdict that keeps the order's notional in its direction at or below <paramref name="maxNotional"/> (which
    /// already accounts for what the order closes); the quantity is <c>maxNotional / reference price</c>.
    /// </summary>
    public static RuleVerdict FitNotional(in RiskCheck check, decimal maxNotional, string why) =>
        Fit(check, maxNotional > 0m ? maxNotional / check.ReferencePrice : 0m, why);

    /// <summary>Of several caps a rule applies, the one that allows the least notional, with its reason.</summary>
    internal struct Tightest
    {
        /// <summary>The smallest notional considered so far; meaningful once <see cref="Why"/> is set.</summary>
        public decimal MaxNotional { get; private set; }

        /// <summary>The reason of the tightest cap, or null when no cap binds.</summary>
        public string? Why { get; private set; }

        /// <summary>Records a binding cap that allows at most <paramref name="maxNotional"/>.</summary>
        public void Consider(decimal maxNotional, string why)
        {
            if (Why is null || maxNotional < MaxNotional)
            {
                MaxNotional = maxNotional;
                Why = why;
            }
        }
    }
}
