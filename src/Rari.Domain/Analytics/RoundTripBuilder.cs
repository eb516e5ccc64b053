using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Analytics;

/// <summary>
/// Turns one symbol's fills into closed round trips (<see cref="ClosedTrade"/>) by average-cost matching, the way the
/// venue books positions.
/// </summary>
/// <remarks>
/// <para>Every fill that reduces the position closes one round trip for the quantity it reduced. Its gross PnL is the
/// venue's realized PnL of that fill when the host knows it (the backtester's venue reports it), so the round trips add
/// up to exactly what the wallet received; otherwise (a live host reading Domain fills) it is computed the venue's way,
/// (exit − average entry) × closed quantity, signed by the position; its entry price
/// and entry time are the position's quantity-weighted averages (a grid that holds several rungs at once gets one
/// meaningful holding time, not the age of the oldest rung); its fees are the share of the opening fills' fees that the
/// closed quantity carries plus the closing fill's own fee (for a liquidation, the liquidation fee); its funding is the
/// same share of the funding paid while the position was open. A fill that flips the position closes the old one and
/// opens the rest at its price, splitting its fee by quantity.</para>
/// <para>Shares of the remaining fees and funding are taken pro rata; the last closing fill takes what is left, so over
/// a position's life nothing is lost or counted twice. A position still open at the end makes no round trip.</para>
/// </remarks>
public sealed class RoundTripBuilder
{
    private readonly Symbol _symbol;
    private readonly List<ClosedTrade> _trades;
    private decimal _quantity;
    private decimal _cost;
    private decimal _timeWeight;
    private decimal _entryFees;
    private decimal _funding;

    /// <summary>Creates a builder for one symbol that appends its round trips to <paramref name="trades"/>.</summary>
    public RoundTripBuilder(Symbol symbol, List<ClosedTrade> trades)
    {
        _symbol = symbol;
        _trades = trades ?? throw new ArgumentNullException(nameof(trades));
    }

    /// <summary>The signed position the fills add up to.</summary>
    public decimal Position => _quantity;

    /// <summary>Average entry price of the open position (its cost over its quantity); 0 when flat.</summary>
    public decimal EntryPrice => _quantity == 0m ? 0m : _cost / _quantity;

    /// <summary>Funding paid on the open position not yet attributed to a round trip, USDT (negative when received).</summary>
    public decimal OpenFunding => _funding;

    /// <summary>Fees of the opening fills not yet attributed to a round trip, USDT.</summary>
    public decimal OpenFees => _entryFees;

    /// <summary>Books one fill.</summary>
    /// <param name="side">The fill's side.</param>
    /// <param name="price">Fill price.</param>
    /// <param name="quantity">Fill quantity, positive.</param>
    /// <param name="fee">Commission (or liquidation fee) paid, USDT.</param>
    /// <param name="realizedPnl">The venue's realized PnL of the fill, before fees; null to compute it from the average entry.</param>
    /// <param name="timeMs">Fill time.</param>
    public void OnFill(OrderSide side, decimal price, decimal quantity, decimal fee, decimal? realizedPnl, long timeMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var delta = side == OrderSide.Buy ? quantity : -quantity;
        if (_quantity == 0m || Math.Sign(delta) == Math.Sign(_quantity))
        {
            Open(delta, price, fee, timeMs);
            return;
        }

        var size = Math.Abs(_quantity);
        var closed = Math.Min(quantity, size);
        var all = closed == size;
        var entryFees = all ? _entryFees : _entryFees * closed / size;
        var funding = all ? _funding : _funding * closed / size;
        var exitFee = closed == quantity ? fee : fee * closed / quantity;
        var entryPrice = _cost / _quantity;
        var entryTime = (long)Math.Round(_timeWeight / size, MidpointRounding.AwayFromZero);
        _trades.Add(new ClosedTrade(
            _symbol,
            _quantity > 0m ? OrderSide.Buy : OrderSide.Sell,
            closed,
            Math.Round(entryPrice, 10, MidpointRounding.AwayFromZero),
            price,
            entryTime,
            timeMs,
            realizedPnl ?? ((price - entryPrice) * closed * Math.Sign(_quantity)),
            entryFees + exitFee,
            funding));

        _entryFees -= entryFees;
        _funding -= funding;
        if (all)
        {
            _quantity = 0m;
            _cost = 0m;
            _timeWeight = 0m;
        }
        else
        {
            var kept = (size - closed) / size;
            _quantity += Math.Sign(delta) * closed;
            _cost *= kept;
            _timeWeight *= kept;
        }

        if (quantity > closed)
        {
            Open(Math.Sign(delta) * (quantity - closed), price, fee - exitFee, timeMs);
        }
    }

    /// <summary>Books one Domain fill (a live host), its realized PnL computed from the average entry.</summary>
    /// <param name="fill">The fill; its symbol must be the builder's.</param>
    public void OnFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Symbol != _symbol)
        {
            throw new ArgumentException($"A fill of {fill.Symbol} does not belong to the round trips of {_symbol}.", nameof(fill));
        }

        OnFill(fill.Side, fill.Price, fill.Quantity, fill.Fee, null, fill.TimestampMs);
    }

    /// <summary>Books a funding payment on the open position (positive: paid).</summary>
    public void OnFunding(decimal paid) => _funding += paid;

    private void Open(decimal delta, decimal price, decimal fee, long timeMs)
    {
        _quantity += delta;
        _cost += delta * price;
        _timeWeight += Math.Abs(delta) * timeMs;
        _entryFees += fee;
    }
}
