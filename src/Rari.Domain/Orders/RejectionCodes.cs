namespace Rari.Domain.Orders;

/// <summary>
/// The venue error codes the Domain decides on (Aster shares Binance futures' numbering), carried by
/// <see cref="OrderRejected.Code"/>. Only the codes that change what a strategy does are named here.
/// </summary>
public static class RejectionCodes
{
    /// <summary>
    /// −2022: a reduce-only order found nothing to reduce — the venue holds no position on the side the order would close.
    /// For a strategy's exit this means the position it tracks no longer exists at the venue.
    /// </summary>
    public const int NothingToReduce = -2022;
}
