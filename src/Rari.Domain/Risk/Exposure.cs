using Rari.Domain.Orders;

namespace Rari.Domain.Risk;

/// <summary>
/// Worst-case directional exposure of a symbol, the measure every cap is applied to: the position valued at the mark
/// plus every resting entry order on the same side, as if all of them filled.
/// </summary>
/// <remarks>
/// <para>In one-way mode the long measure is <c>Q × mark + open buys</c> and the short one <c>−Q × mark + open sells</c>,
/// so an opposite position counts negatively: an order first closes it, then opens. In hedge mode each direction has its
/// own leg (LONG for buys, SHORT for sells). The order under check adds <c>quantity × reference price</c> to its
/// direction's measure.</para>
/// <para>A symbol's gross worst case is the larger of its two measures: all of its buys may fill or all of its sells,
/// but one direction's worst case excludes the other's.</para>
/// </remarks>
internal static class Exposure
{
    /// <summary>The signed worst-case notional in <paramref name="direction"/> (+1 long, −1 short) before any new order; negative when an opposite position outweighs the resting orders.</summary>
    public static decimal Base(SymbolRiskView view, int direction)
    {
        var leg = direction > 0 ? view.QuantityOn(PositionSide.Long) : view.QuantityOn(PositionSide.Short);
        var quantity = view.QuantityOn(PositionSide.Both) + leg;
        var resting = direction > 0 ? view.OpenBuyNotional : view.OpenSellNotional;
        return (direction * quantity * view.MarkPrice) + resting;
    }

    /// <summary>The worst-case notional in <paramref name="direction"/>, floored at 0.</summary>
    public static decimal Worst(SymbolRiskView view, int direction) => Math.Max(0m, Base(view, direction));

    /// <summary>The symbol's gross worst case: the larger of its long and short measures.</summary>
    public static decimal Gross(SymbolRiskView view) => Math.Max(Worst(view, 1), Worst(view, -1));
}
