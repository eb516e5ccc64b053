using Rari.Domain.Instruments;

namespace Rari.Domain.Portfolio;

/// <summary>One position that moves with the price being solved for.</summary>
/// <param name="Quantity">Signed quantity (negative for a short).</param>
/// <param name="CostBasis">Signed cost of the open quantity, <c>Quantity × EntryPrice</c>.</param>
/// <param name="Brackets">The symbol's bracket table, sorted by floor.</param>
internal readonly record struct LiquidationLeg(decimal Quantity, decimal CostBasis, IReadOnlyList<LeverageBracket> Brackets);

/// <summary>
/// Finds the mark price at which a margin balance falls to the maintenance margin of the positions it backs.
/// </summary>
/// <remarks>
/// <para>
/// At price <c>p</c> the margin balance is <c>B + Σ (Qᵢ × p − Cᵢ)</c>, where <c>B</c> is everything that does
/// not move with <c>p</c> (the wallet, plus the unrealized PnL minus the maintenance margin of positions in other
/// symbols), and <c>Cᵢ = Qᵢ × Eᵢ</c>. The maintenance margin is <c>Σ (|Qᵢ| × p × mmrᵢ − cumᵢ)</c>, with each
/// leg's bracket chosen by its notional <c>|Qᵢ| × p</c>. Within a range of prices where no leg changes bracket
/// both sides are linear, so
/// </para>
/// <code>p = (B + Σ cumᵢ − Σ Qᵢ × Eᵢ) / (Σ |Qᵢ| × mmrᵢ − Σ Qᵢ)</code>
/// <para>
/// which for one position is Binance's <c>(W + cum − Q × E) / (|Q| × mmr − Q)</c>. The solver splits the
/// positive prices at every bracket floor of every leg, solves each piece and keeps the roots that fall inside
/// their own piece. Because <c>cum</c> makes the maintenance margin continuous, a single position has at most one
/// root; for a hedged pair the root nearest the reference price is returned. No positive root means the positions
/// cannot be liquidated by a price move alone (for example a long backed by more than its cost).
/// </para>
/// </remarks>
internal static class LiquidationPriceSolver
{
    // Breakpoints come from divisions, so a root exactly on one may land a hair outside both neighbouring pieces.
    private const decimal RelativeTolerance = 0.00000000000000000001m;

    /// <summary>The liquidation price, or null when no positive price brings the balance down to maintenance.</summary>
    /// <param name="fixedBalance">The part of the margin balance that does not move with the price (<c>B</c>).</param>
    /// <param name="legs">The positions whose mark is the solved price; legs with zero quantity are ignored.</param>
    /// <param name="referencePrice">Used only to choose between several roots: the one nearest wins.</param>
    public static decimal? Solve(decimal fixedBalance, IReadOnlyList<LiquidationLeg> legs, decimal referencePrice)
    {
        var breakpoints = Breakpoints(legs);
        decimal? best = null;
        for (var piece = 0; piece <= breakpoints.Count; piece++)
        {
            var start = piece == 0 ? 0m : breakpoints[piece - 1];
            var isLast = piece == breakpoints.Count;
            var end = isLast ? decimal.MaxValue : breakpoints[piece];
            var sample = isLast ? (start == 0m ? 1m : start * 2m) : (start + end) / 2m;

            var constant = fixedBalance;
            var slope = 0m;
            for (var i = 0; i < legs.Count; i++)
            {
                var leg = legs[i];
                if (leg.Quantity == 0m)
                {
                    continue;
                }

                var size = Math.Abs(leg.Quantity);
                var bracket = LeverageBrackets.Containing(leg.Brackets, size * sample);
                constant += bracket.Cum - leg.CostBasis;
                slope += leg.Quantity - (size * bracket.MaintMarginRatio);
            }

            if (slope == 0m)
            {
                continue;
            }

            var root = -constant / slope;
            var tolerance = RelativeTolerance * Math.Max(1m, isLast ? start : end);
            if (root <= 0m || root < start - tolerance || (!isLast && root > end + tolerance))
            {
                continue;
            }

            if (best is null || Math.Abs(root - referencePrice) < Math.Abs(best.Value - referencePrice))
            {
                best = root;
            }
        }

        return best;
    }

    private static List<decimal> Breakpoints(IReadOnlyList<LiquidationLeg> legs)
    {
        var points = new List<decimal>();
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (leg.Quantity == 0m)
            {
                continue;
            }

            var size = Math.Abs(leg.Quantity);
            for (var b = 0; b < leg.Brackets.Count; b++)
            {
                var floor = leg.Brackets[b].NotionalFloor;
                if (floor > 0m)
                {
                    points.Add(floor / size);
                }
            }
        }

        points.Sort();
        var distinct = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (distinct == 0 || points[i] != points[distinct - 1])
            {
                points[distinct++] = points[i];
            }
        }

        points.RemoveRange(distinct, points.Count - distinct);
        return points;
    }
}
