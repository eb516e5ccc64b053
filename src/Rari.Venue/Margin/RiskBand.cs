namespace Rari.Venue.Margin;

/// <summary>
/// How far a mark may move before a margin check can change its outcome, so that a price move inside the band costs
/// two comparisons instead of a margin computation.
/// </summary>
/// <remarks>
/// <para>For positions backed by a margin balance <c>B(p)</c> with maintenance margin <c>M(p)</c> at mark <c>p</c>,
/// the check watches two signs: <c>B − M</c> (liquidation at ≤ 0) and <c>B − M / w</c> (margin call at ≤ 0, with
/// <c>w</c> the warning ratio). Both are Lipschitz in the mark: <c>B</c> moves by at most <c>|Q|</c> per unit of price
/// and <c>M</c> by at most <c>|Q| × maxMaintMarginRatio</c> (the maintenance schedule is continuous, its slope a
/// bracket's ratio), so neither can change sign while the mark stays within
/// <c>min(B − M, |B − M / w|) / (|Q| × (1 + maxRatio / w))</c> of where it was measured.</para>
/// <para>Cross positions in several symbols share one balance: the slack is split evenly between the symbols, so the
/// moves of all of them together stay within it.</para>
/// </remarks>
internal static class RiskBand
{
    /// <summary>How much the figures may erode before a check could change its outcome; ≥ 0.</summary>
    public static decimal Slack(decimal marginBalance, decimal maintenanceMargin, decimal warningRatio)
    {
        var toLiquidation = marginBalance - maintenanceMargin;
        var toWarning = Math.Abs(marginBalance - (maintenanceMargin / warningRatio));
        return Math.Max(0m, Math.Min(toLiquidation, toWarning));
    }

    /// <summary>
    /// The price distance within which <paramref name="slack"/> cannot be used up by positions of total size
    /// <paramref name="size"/> whose largest maintenance ratio is <paramref name="maxMaintMarginRatio"/>.
    /// </summary>
    public static decimal Radius(decimal slack, decimal size, decimal maxMaintMarginRatio, decimal warningRatio) =>
        size == 0m ? decimal.MaxValue : slack / (size * (1m + (maxMaintMarginRatio / warningRatio)));
}
