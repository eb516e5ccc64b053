namespace Rari.Aster.Sim.Replay;

/// <summary>A trade synthesised from a bar.</summary>
/// <param name="Id">Trade id (also its aggregate-trade id).</param>
/// <param name="Price">Trade price.</param>
/// <param name="Quantity">Trade quantity in the base asset.</param>
/// <param name="TimeMs">Trade time, UTC epoch ms.</param>
/// <param name="IsBuyerMaker">True when the taker sold.</param>
public readonly record struct SyntheticTrade(long Id, decimal Price, decimal Quantity, long TimeMs, bool IsBuyerMaker);

/// <summary>
/// Turns each recorded bar into four trades along its path, deterministically, so <c>trades</c>, <c>aggTrades</c>,
/// <c>historicalTrades</c>, the <c>aggTrade</c> stream and the 24 h ticker all agree with the klines.
/// </summary>
/// <remarks>
/// <para>Path: a rising bar (close ≥ open) goes open → low → high → close, a falling one open → high → low → close.
/// The four trades happen at +0 s, +20 s, +40 s and +59.999 s of the bar.</para>
/// <para>Quantity: the bar's volume in four equal parts, truncated to the volume's own decimals (at least the
/// instrument's step decimals), the last part taking the remainder, so the four add up to the volume exactly.
/// Parts of zero are not traded. A bar without volume has no trades.</para>
/// <para>Side: a trade at or above the previous trade's price (the previous bar's close for the first) is a taker
/// buy; below it, a taker sell (buyer is maker).</para>
/// <para>Ids: trade k (0–3) of bar i has id 4·i + k + 1, so ids follow the data, never the replay's timing, and
/// <see cref="Locate"/> finds the bar of any id.</para>
/// </remarks>
public static class SyntheticTrades
{
    /// <summary>Trades per bar.</summary>
    public const int PerBar = 4;

    private static readonly long[] Offsets = [0, 20_000, 40_000, 59_999];

    /// <summary>The trades of bar <paramref name="index"/> of <paramref name="series"/>, oldest first.</summary>
    /// <param name="series">The symbol's bars.</param>
    /// <param name="index">The bar's index.</param>
    /// <param name="quantityDecimals">The instrument's step decimals: the least precision quantities are split at.</param>
    public static IReadOnlyList<SyntheticTrade> Of(SymbolSeries series, int index, int quantityDecimals)
    {
        var bar = series.Bars[index];
        if (bar.Volume <= 0m)
        {
            return [];
        }

        var rising = bar.Close >= bar.Open;
        Span<decimal> path = [bar.Open, rising ? bar.Low : bar.High, rising ? bar.High : bar.Low, bar.Close];
        var decimals = Math.Max(Json.AsterNumber.DecimalsOf(bar.Volume), quantityDecimals);
        var part = Math.Round(bar.Volume / PerBar, decimals, MidpointRounding.ToZero);
        var previous = index > 0 ? series.Bars[index - 1].Close : bar.Open;
        var trades = new List<SyntheticTrade>(PerBar);
        for (var k = 0; k < PerBar; k++)
        {
            var quantity = k < PerBar - 1 ? part : bar.Volume - (part * (PerBar - 1));
            var price = path[k];
            var takerSold = price < previous;
            previous = price;
            if (quantity > 0m)
            {
                trades.Add(new SyntheticTrade((PerBar * (long)index) + k + 1, price, quantity, bar.OpenTimeMs + Offsets[k], takerSold));
            }
        }

        return trades;
    }

    /// <summary>The bar index holding trade <paramref name="id"/> (ids start at 1).</summary>
    public static int Locate(long id) => (int)((id - 1) / PerBar);

    /// <summary>The quote volume of a bar: the recorded one, or Σ price × quantity of its synthetic trades when none was recorded.</summary>
    public static decimal QuoteVolume(SymbolSeries series, int index, int quantityDecimals)
    {
        var bar = series.Bars[index];
        return bar.QuoteVolume > 0m || bar.Volume == 0m ? bar.QuoteVolume : Of(series, index, quantityDecimals).Sum(t => t.Price * t.Quantity);
    }

    /// <summary>The trade count of a bar: the recorded one, or the number of synthetic trades when none was recorded.</summary>
    public static long TradeCount(SymbolSeries series, int index, int quantityDecimals)
    {
        var bar = series.Bars[index];
        return bar.Trades > 0 ? bar.Trades : Of(series, index, quantityDecimals).Count;
    }

    /// <summary>Base and quote volume bought by takers in a bar, from its synthetic trades.</summary>
    public static (decimal Base, decimal Quote) TakerBuyVolume(SymbolSeries series, int index, int quantityDecimals)
    {
        decimal baseVolume = 0m, quoteVolume = 0m;
        foreach (var trade in Of(series, index, quantityDecimals))
        {
            if (!trade.IsBuyerMaker)
            {
                baseVolume += trade.Quantity;
                quoteVolume += trade.Price * trade.Quantity;
            }
        }

        return (baseVolume, quoteVolume);
    }

    /// <summary>The last trade of bars [0, <paramref name="endIndex"/>), searching back from the end; null when none traded.</summary>
    public static SyntheticTrade? LastBefore(SymbolSeries series, int endIndex, int quantityDecimals)
    {
        for (var i = endIndex - 1; i >= 0; i--)
        {
            var trades = Of(series, i, quantityDecimals);
            if (trades.Count > 0)
            {
                return trades[^1];
            }
        }

        return null;
    }
}
