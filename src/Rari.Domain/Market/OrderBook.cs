using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Market;

/// <summary>
/// A local L2 order book for one symbol: total quantity per price, bids best (highest) first, asks best (lowest)
/// first. Answers the touch, spread, depth near the touch, and what a market order of a given size would pay.
/// </summary>
/// <remarks>
/// <para>The book applies what it is given and does not check update-id sequencing; keep it in step with Aster's diff
/// stream through an <see cref="OrderBookSynchronizer"/>. It does not reject a crossed state either (a diff stream
/// can show one briefly); <see cref="IsCrossed"/> reports it.</para>
/// <para>Touch queries are O(1), level updates O(log n) plus a short array move near the touch. Not thread-safe.</para>
/// </remarks>
public sealed class OrderBook
{
    private readonly PriceLevels _bids = new(BookSide.Bid);
    private readonly PriceLevels _asks = new(BookSide.Ask);

    /// <summary>Creates an empty book for <paramref name="symbol"/>.</summary>
    public OrderBook(Symbol symbol) => Symbol = symbol;

    /// <summary>The symbol this book belongs to.</summary>
    public Symbol Symbol { get; }

    /// <summary>The book update id of the last snapshot or diff applied (Aster's <c>lastUpdateId</c> / <c>u</c>); 0 when empty.</summary>
    public long LastUpdateId { get; private set; }

    /// <summary>Number of bid levels.</summary>
    public int BidLevelCount => _bids.Count;

    /// <summary>Number of ask levels.</summary>
    public int AskLevelCount => _asks.Count;

    /// <summary>The highest bid, or null when there are no bids.</summary>
    public BookLevel? BestBid => _bids.Count > 0 ? _bids.LevelAt(0) : null;

    /// <summary>The lowest ask, or null when there are no asks.</summary>
    public BookLevel? BestAsk => _asks.Count > 0 ? _asks.LevelAt(0) : null;

    /// <summary>(best bid + best ask) / 2, or null when either side is empty.</summary>
    public decimal? Mid => _bids.Count > 0 && _asks.Count > 0 ? (_bids.PriceAt(0) + _asks.PriceAt(0)) / 2m : null;

    /// <summary>Best ask − best bid, or null when either side is empty; negative when the book is crossed.</summary>
    public decimal? Spread => _bids.Count > 0 && _asks.Count > 0 ? _asks.PriceAt(0) - _bids.PriceAt(0) : null;

    /// <summary>True when the best bid is at or above the best ask, which a consistent book never shows.</summary>
    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && _bids.PriceAt(0) >= _asks.PriceAt(0);

    /// <summary>Number of levels on <paramref name="side"/>.</summary>
    public int LevelCount(BookSide side) => Levels(side).Count;

    /// <summary>The level <paramref name="depth"/> steps from the touch on <paramref name="side"/> (0 = best).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The side has no level at that depth.</exception>
    public BookLevel LevelAt(BookSide side, int depth)
    {
        var levels = Levels(side);
        if ((uint)depth >= (uint)levels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The {side} side has {levels.Count} level(s).");
        }

        return levels.LevelAt(depth);
    }

    /// <summary>A copy of up to <paramref name="maxLevels"/> levels of <paramref name="side"/>, best first.</summary>
    public IReadOnlyList<BookLevel> TopLevels(BookSide side, int maxLevels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLevels);
        var levels = Levels(side);
        var result = new BookLevel[Math.Min(maxLevels, levels.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = levels.LevelAt(i);
        }

        return result;
    }

    /// <summary>Replaces the whole book with a snapshot and sets <see cref="LastUpdateId"/> to the snapshot's.</summary>
    /// <exception cref="ArgumentException">The snapshot is for another symbol, lists a price twice, or has a bad level.</exception>
    public void ApplySnapshot(DepthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        RequireSymbol(snapshot.Symbol, nameof(snapshot));
        ValidateLevels(snapshot.Bids, nameof(snapshot));
        ValidateLevels(snapshot.Asks, nameof(snapshot));
        _bids.Load(snapshot.Bids, nameof(snapshot));
        _asks.Load(snapshot.Asks, nameof(snapshot));
        LastUpdateId = snapshot.LastUpdateId;
    }

    /// <summary>
    /// Applies a diff event's levels as absolute quantities and sets <see cref="LastUpdateId"/> to its final update id,
    /// without checking the sequence (an <see cref="OrderBookSynchronizer"/> does that).
    /// </summary>
    /// <exception cref="ArgumentException">The event is for another symbol or has a bad level.</exception>
    public void Apply(DepthUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        RequireSymbol(update.Symbol, nameof(update));
        ApplyLevels(update.Bids, update.Asks);
        LastUpdateId = update.FinalUpdateId;
    }

    /// <summary>Sets each listed level to its absolute quantity; quantity 0 removes the level (absent levels are fine).</summary>
    /// <exception cref="ArgumentException">A price is not positive or a quantity is negative; nothing is applied then.</exception>
    public void ApplyLevels(IReadOnlyList<BookLevel> bids, IReadOnlyList<BookLevel> asks)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        ValidateLevels(bids, nameof(bids));
        ValidateLevels(asks, nameof(asks));
        for (var i = 0; i < bids.Count; i++)
        {
            _bids.Set(bids[i].Price, bids[i].Quantity);
        }

        for (var i = 0; i < asks.Count; i++)
        {
            _asks.Set(asks[i].Price, asks[i].Quantity);
        }
    }

    /// <summary>Sets one level to an absolute quantity; 0 removes it, and removing an absent level does nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The price is not positive or the quantity is negative.</exception>
    public void SetLevel(BookSide side, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        Levels(side).Set(price, quantity);
    }

    /// <summary>Empties both sides and resets <see cref="LastUpdateId"/> to 0.</summary>
    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        LastUpdateId = 0;
    }

    /// <summary>
    /// Total quantity on <paramref name="side"/> at prices within <paramref name="priceDistance"/> of that side's best
    /// price (inclusive): bids at or above best bid − distance, asks at or below best ask + distance. 0 when empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The distance is negative.</exception>
    public decimal DepthWithin(BookSide side, decimal priceDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priceDistance);
        var levels = Levels(side);
        if (levels.Count == 0)
        {
            return 0m;
        }

        var touch = levels.PriceAt(0);
        var limit = side == BookSide.Bid ? touch - priceDistance : touch + priceDistance;
        var total = 0m;
        for (var depth = 0; depth < levels.Count; depth++)
        {
            var price = levels.PriceAt(depth);
            if (side == BookSide.Bid ? price < limit : price > limit)
            {
                break;
            }

            total += levels.QuantityAt(depth);
        }

        return total;
    }

    /// <summary>
    /// What a market order of <paramref name="quantity"/> would get if it swept the book now: a buy walks the asks up
    /// from the best, a sell walks the bids down. Use it for slippage and liquidity checks before sending.
    /// </summary>
    /// <remarks>The book is not changed. If the side runs out, the estimate covers what is there (<see cref="MarketFillEstimate.IsComplete"/> is false).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is not positive.</exception>
    public MarketFillEstimate EstimateMarketFill(OrderSide side, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var levels = side switch
        {
            OrderSide.Buy => _asks,
            OrderSide.Sell => _bids,
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Expected Buy or Sell."),
        };

        if (levels.Count == 0)
        {
            return new MarketFillEstimate(side, quantity, 0m, 0m, 0m, 0m, 0m, 0);
        }

        var remaining = quantity;
        var notional = 0m;
        var worst = 0m;
        var consumed = 0;
        while (remaining > 0m && consumed < levels.Count)
        {
            var price = levels.PriceAt(consumed);
            var take = Math.Min(remaining, levels.QuantityAt(consumed));
            notional += take * price;
            remaining -= take;
            worst = price;
            consumed++;
        }

        var filled = quantity - remaining;
        return new MarketFillEstimate(side, quantity, filled, notional, notional / filled, worst, levels.PriceAt(0), consumed);
    }

    private PriceLevels Levels(BookSide side) => side switch
    {
        BookSide.Bid => _bids,
        BookSide.Ask => _asks,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Expected Bid or Ask."),
    };

    private void RequireSymbol(Symbol symbol, string paramName)
    {
        if (symbol != Symbol)
        {
            throw new ArgumentException($"Book data for {symbol} cannot be applied to the {Symbol} book.", paramName);
        }
    }

    /// <summary>Throws unless every price is positive and every quantity non-negative.</summary>
    internal static void ValidateLevels(IReadOnlyList<BookLevel> levels, string paramName)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Price <= 0m || level.Quantity < 0m)
            {
                throw new ArgumentException(
                    $"Level {level.Price} × {level.Quantity} is invalid: prices must be positive and quantities not negative.", paramName);
            }
        }
    }
}
