namespace Rari.Venue.Orders;

/// <summary>Which price triggers a STOP_MARKET or TAKE_PROFIT_MARKET order (Aster's <c>workingType</c>).</summary>
/// <remarks>Journaled with order snapshots: the numeric values are never renumbered.</remarks>
public enum WorkingType : byte
{
    /// <summary>The last trade price (Aster <c>CONTRACT_PRICE</c>, the default).</summary>
    ContractPrice = 1,

    /// <summary>The mark price (Aster <c>MARK_PRICE</c>); the last price stands in while no mark feed is given.</summary>
    MarkPrice = 2,
}
