using Rari.Domain.Portfolio;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// A signed quantity and its signed cost, kept by average cost exactly as <see cref="Position"/> keeps a position: a
/// reduce removes the closed share of the cost (quantized like the portfolio does) and realizes the difference.
/// </summary>
/// <param name="Quantity">Signed quantity: positive long, negative short.</param>
/// <param name="Cost">Signed cost, quantity × average price.</param>
internal readonly record struct Holding(decimal Quantity, decimal Cost)
{
    /// <summary>Adds a signed trade of <paramref name="delta"/> at <paramref name="price"/>; returns the new holding and the PnL it realized.</summary>
    public (Holding Next, decimal Realized) Trade(decimal delta, decimal price)
    {
        if (Quantity == 0m || Math.Sign(delta) == Math.Sign(Quantity))
        {
            return (new Holding(Quantity + delta, Cost + (delta * price)), 0m);
        }

        var size = Math.Abs(Quantity);
        var closed = Math.Min(Math.Abs(delta), size);
        var removed = closed == size ? Cost : Accounting.Quantize(Cost * closed / size);
        var realized = (closed * price * Math.Sign(Quantity)) - removed;
        var quantity = Quantity + (Math.Sign(delta) * closed);
        var cost = Cost - removed;
        var opened = Math.Abs(delta) - closed;
        if (opened > 0m)
        {
            // The trade went through zero: the rest opens at the trade price.
            quantity += Math.Sign(delta) * opened;
            cost += Math.Sign(delta) * opened * price;
        }

        return (new Holding(quantity, cost), realized);
    }

    /// <summary>
    /// Pools another holding into this one. Same-direction holdings just add up; opposite ones offset, and the offset
    /// part realizes the difference between their average prices.
    /// </summary>
    public (Holding Next, decimal Realized) Merge(Holding other)
    {
        if (other.Quantity == 0m)
        {
            return (this, 0m);
        }

        if (Quantity == 0m || Math.Sign(other.Quantity) == Math.Sign(Quantity))
        {
            return (new Holding(Quantity + other.Quantity, Cost + other.Cost), 0m);
        }

        var closed = Math.Min(Math.Abs(Quantity), Math.Abs(other.Quantity));
        var removedHere = Share(this, closed);
        var removedThere = Share(other, closed);

        // One side sells what the other bought: the long side's proceeds are the short side's (negated) cost.
        var realized = -(removedHere + removedThere);
        return (new Holding(Quantity + other.Quantity, Cost + other.Cost - removedHere - removedThere), realized);
    }

    private static decimal Share(Holding holding, decimal closed) =>
        closed == Math.Abs(holding.Quantity) ? holding.Cost : Accounting.Quantize(holding.Cost * closed / Math.Abs(holding.Quantity));
}
