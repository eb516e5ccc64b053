using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// A trading engine that keeps a record of every order it created, served at <c>GET /_sim/orders</c>
/// (<c>?account=NAME</c> and <c>?symbol=SYMBOL</c> narrow it). Tests audit it for duplicated and orphaned orders.
/// </summary>
public interface ISimOrderAudit
{
    /// <summary>The JSON array of every order, optionally of one account and/or one symbol only.</summary>
    SimReply OrdersReport(string? account, string? symbol);
}
