using Rari.Aster.Sim.Instruments;

namespace Rari.Aster.Sim.Replay;

/// <summary>One price level of the synthetic book.</summary>
/// <param name="Price">Level price, on the tick grid.</param>
/// <param name="Quantity">Resting quantity; 0 in a diff means the level is gone.</param>
public readonly record struct SyntheticLevel(decimal Price, decimal Quantity);

/// <summary>
/// A deterministic order book around the last price: 1,000 levels a side, one tick apart, best bid at the last price
/// rounded down to the tick and best ask one tick above it. The quantity at a price depends only on the symbol and
/// the price (a hash of both), between one step and about 20,000 USDT worth, so when the price moves only the levels
/// entering or leaving the book change, and a diff stream stays small and exact.
/// </summary>
public static class SyntheticBook
{
    /// <summary>Levels per side (the largest REST depth limit).</summary>
    public const int Depth = 1_000;

    private const decimal MaxLevelNotional = 20_000m;

    /// <summary>The best bid price for a last price.</summary>
    public static decimal BestBid(SymbolSpec spec, decimal lastPrice)
    {
        var filter = spec.Instrument.PriceFilter;
        var bid = filter.Round(lastPrice, Rari.Domain.Instruments.TickRounding.Down);
        return Math.Max(bid, filter.MinPrice > 0 ? filter.MinPrice : filter.TickSize);
    }

    /// <summary>The top <paramref name="levels"/> bids (best first) and asks (best first) for a last price.</summary>
    public static (SyntheticLevel[] Bids, SyntheticLevel[] Asks) Top(SymbolSpec spec, decimal lastPrice, int levels)
    {
        var tick = spec.Instrument.PriceFilter.TickSize;
        var bestBid = BestBid(spec, lastPrice);
        var floor = spec.Instrument.PriceFilter.MinPrice > 0 ? spec.Instrument.PriceFilter.MinPrice : tick;
        var bids = new List<SyntheticLevel>(levels);
        for (var i = 0; i < levels; i++)
        {
            var price = bestBid - (i * tick);
            if (price < floor)
            {
                break;
            }

            bids.Add(new SyntheticLevel(price, QuantityAt(spec, price)));
        }

        var asks = new SyntheticLevel[levels];
        for (var i = 0; i < levels; i++)
        {
            var price = bestBid + ((i + 1) * tick);
            asks[i] = new SyntheticLevel(price, QuantityAt(spec, price));
        }

        return ([.. bids], asks);
    }

    /// <summary>
    /// The changes from the book at <paramref name="oldPrice"/> to the book at <paramref name="newPrice"/>, per side,
    /// as absolute quantities (0 = remove), over the full <see cref="Depth"/>.
    /// </summary>
    public static (SyntheticLevel[] Bids, SyntheticLevel[] Asks) Diff(SymbolSpec spec, decimal oldPrice, decimal newPrice)
    {
        var (oldBids, oldAsks) = Top(spec, oldPrice, Depth);
        var (newBids, newAsks) = Top(spec, newPrice, Depth);
        return (Changes(oldBids, newBids), Changes(oldAsks, newAsks));
    }

    /// <summary>The quantity resting at <paramref name="price"/>: a function of symbol and price only.</summary>
    public static decimal QuantityAt(SymbolSpec spec, decimal price)
    {
        var step = spec.Instrument.LotSize.StepSize;
        var units = Math.Max(1m, Math.Floor(MaxLevelNotional / (price * step)));
        var ticks = (long)Math.Round(price / spec.Instrument.PriceFilter.TickSize);
        var hash = Mix(unchecked((ulong)ticks ^ SymbolSeed(spec.Instrument.Symbol.Value)));
        var count = 1m + (hash % (ulong)Math.Min(units, 1_000_000_000m));
        return count * step;
    }

    private static SyntheticLevel[] Changes(SyntheticLevel[] before, SyntheticLevel[] after)
    {
        var kept = new HashSet<decimal>(after.Select(l => l.Price));
        var had = new HashSet<decimal>(before.Select(l => l.Price));
        var changes = new List<SyntheticLevel>();
        foreach (var level in before)
        {
            if (!kept.Contains(level.Price))
            {
                changes.Add(level with { Quantity = 0m });
            }
        }

        foreach (var level in after)
        {
            if (!had.Contains(level.Price))
            {
                changes.Add(level);
            }
        }

        return [.. changes];
    }

    private static ulong SymbolSeed(string symbol)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in symbol)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser.
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }
}
