using Rari.Domain.Instruments;

namespace Rari.Venue.Liquidation;

/// <summary>
/// The price a liquidated position closes at: the price at which closing it and paying the liquidation fee on the
/// closed notional leaves exactly nothing of the margin that backed it.
/// </summary>
/// <remarks>
/// <para>For legs with signed quantities <c>Qᵢ</c> and cost bases <c>Cᵢ = Qᵢ × Eᵢ</c>, backed by a balance <c>B</c>
/// that does not move with the price (the isolated wallet; for cross, the cross wallet after the account's other cross
/// positions were closed), closing all legs at <c>p</c> leaves <c>B + Σ (Qᵢ × p − Cᵢ) − r × p × Σ |Qᵢ|</c>, with
/// <c>r</c> the symbol's liquidation fee rate. It is zero at</para>
/// <code>p = (Σ Cᵢ − B) / (Σ Qᵢ − r × Σ |Qᵢ|)</code>
/// <para>(one long: <c>(E − B/Q) / (1 − r)</c>; one short: <c>(E + B/|Q|) / (1 + r)</c>). So the account loses exactly
/// the margin behind the positions, never more: a price that gapped beyond <c>p</c> is the insurance fund's loss, and
/// what the mark would have left above <c>p</c> is its gain, as on Binance-style venues. The price is then rounded to
/// the tick in the account's favour, so the remainder is a few ticks' worth at most and never negative.</para>
/// </remarks>
internal static class BankruptcyPrice
{
    /// <summary>The unrounded bankruptcy price, or null when no positive price exists (a hedged pair, say).</summary>
    public static decimal? Solve(decimal backingBalance, decimal costBasis, decimal quantity, decimal absoluteQuantity, decimal feeRate)
    {
        var slope = quantity - (feeRate * absoluteQuantity);
        if (slope == 0m)
        {
            return null;
        }

        var price = (costBasis - backingBalance) / slope;
        return price > 0m ? price : null;
    }

    /// <summary>
    /// Rounds a closing price to the tick in the account's favour: up when what is left grows with the price
    /// (<paramref name="leftGrowsWithPrice"/>, a net long), down otherwise; never below the lowest valid price.
    /// </summary>
    public static decimal Round(Instrument instrument, decimal price, bool leftGrowsWithPrice)
    {
        var filter = instrument.PriceFilter;
        var rounded = filter.Round(price, leftGrowsWithPrice ? TickRounding.Up : TickRounding.Down);
        var lowest = filter.MinPrice > 0m ? filter.MinPrice : filter.TickSize;
        return Math.Max(rounded, lowest);
    }
}
