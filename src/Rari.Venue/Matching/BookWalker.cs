using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Venue.Matching;

/// <summary>
/// Plans what a taker order gets from the book: the recorded L2 book when one was given, continued by a synthetic
/// book beyond its last level; or the synthetic book alone. Slippage therefore grows with size.
/// </summary>
/// <remarks>
/// <para><b>Synthetic book.</b> Around a reference price <c>P</c> (the last price, or the mark when nothing traded
/// yet) the best bid is <c>P − S × tick / 2</c> rounded down to the tick and the best ask is <c>S</c> ticks above it
/// (<c>S</c> = <see cref="VenueOptions.SyntheticSpreadTicks"/>; with the default 2 and <c>P</c> on the grid that is
/// one tick either side). Further levels are one tick apart, <see cref="VenueOptions.SyntheticBookLevels"/> per side,
/// each holding <see cref="VenueOptions.SyntheticLevelVolumeShare"/> × the mean volume of the recent market-data
/// events; with no volume seen yet the first level is unlimited.</para>
/// <para><b>Limits.</b> A taker never goes beyond its limit price (LIMIT orders) nor beyond
/// <c>mark × (1 ± marketTakeBound)</c> (MARKET orders, Aster's <c>marketTakeBound</c>); what it cannot get within them
/// stays unfilled.</para>
/// </remarks>
internal static class BookWalker
{
    /// <summary>
    /// Fills <paramref name="takes"/> with the levels a taker of <paramref name="quantity"/> would take, best first,
    /// without changing any book, and returns the total quantity planned.
    /// </summary>
    /// <param name="market">The symbol.</param>
    /// <param name="side">The taker's side: a BUY takes asks, a SELL takes bids.</param>
    /// <param name="quantity">The quantity wanted.</param>
    /// <param name="worstPrice">The worst price the taker accepts (its limit or the take bound).</param>
    /// <param name="options">The venue's options (synthetic book shape).</param>
    /// <param name="takes">Cleared, then filled with the plan.</param>
    public static decimal Plan(SymbolMarket market, OrderSide side, decimal quantity, decimal worstPrice, VenueOptions options, List<BookTake> takes)
    {
        takes.Clear();
        var remaining = quantity;
        var buying = side == OrderSide.Buy;
        var tick = market.Tick;
        decimal next;

        if (market.Book is { } book && book.LevelCount(buying ? BookSide.Ask : BookSide.Bid) > 0)
        {
            var bookSide = buying ? BookSide.Ask : BookSide.Bid;
            var count = book.LevelCount(bookSide);
            var lastPrice = 0m;
            for (var depth = 0; depth < count && remaining > 0m; depth++)
            {
                var level = book.LevelAt(bookSide, depth);
                if (Beyond(level.Price, worstPrice, buying))
                {
                    return quantity - remaining;
                }

                var take = Math.Min(remaining, level.Quantity);
                takes.Add(new BookTake(level.Price, take, level.Quantity));
                remaining -= take;
                lastPrice = level.Price;
            }

            if (remaining == 0m)
            {
                return quantity;
            }

            next = buying ? lastPrice + tick : lastPrice - tick;
        }
        else if (ReferencePrice(market) is { } reference)
        {
            next = FirstSyntheticLevel(market, reference, buying, options.SyntheticSpreadTicks);
        }
        else
        {
            return 0m;
        }

        var depthPerLevel = SyntheticDepth(market, options);
        for (var level = 0; level < options.SyntheticBookLevels && remaining > 0m; level++)
        {
            if (next <= 0m || Beyond(next, worstPrice, buying))
            {
                break;
            }

            var take = depthPerLevel is { } depth ? Math.Min(remaining, depth) : remaining;
            takes.Add(new BookTake(next, take, 0m));
            remaining -= take;
            next = buying ? next + tick : next - tick;
        }

        return quantity - remaining;
    }

    /// <summary>The best price a taker on <paramref name="side"/> would meet now, or null when there is no price at all.</summary>
    public static decimal? Touch(SymbolMarket market, OrderSide side, VenueOptions options)
    {
        var buying = side == OrderSide.Buy;
        if (market.Book is { } book)
        {
            var best = buying ? book.BestAsk : book.BestBid;
            if (best is { } level)
            {
                return level.Price;
            }
        }

        return ReferencePrice(market) is { } reference
            ? FirstSyntheticLevel(market, reference, buying, options.SyntheticSpreadTicks)
            : null;
    }

    /// <summary>The synthetic book's centre: the last price, or the mark before anything traded; null when neither is known.</summary>
    public static decimal? ReferencePrice(SymbolMarket market) =>
        market.HasLast ? market.Last : market.HasMark ? market.Mark : null;

    private static decimal FirstSyntheticLevel(SymbolMarket market, decimal reference, bool buying, int spreadTicks)
    {
        var tick = market.Tick;
        var bid = market.Instrument.PriceFilter.Round(reference - (spreadTicks * tick / 2m), Domain.Instruments.TickRounding.Down);
        return buying ? bid + (spreadTicks * tick) : bid;
    }

    // Null means unlimited: no volume has been seen, so there is nothing to size the book from.
    private static decimal? SyntheticDepth(SymbolMarket market, VenueOptions options)
    {
        var average = market.RecentVolumes.Average();
        return average > 0m ? average * options.SyntheticLevelVolumeShare : null;
    }

    private static bool Beyond(decimal price, decimal worstPrice, bool buying) => buying ? price > worstPrice : price < worstPrice;
}
