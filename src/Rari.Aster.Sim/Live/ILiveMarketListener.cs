using Rari.Domain.Market;

namespace Rari.Aster.Sim.Live;

/// <summary>
/// Hears the upstream's market as the live market receives it, in arrival order, on the live market's reader thread:
/// the trading engine fills paper orders on these. Handlers must not block.
/// </summary>
public interface ILiveMarketListener
{
    /// <summary>An upstream trade (<c>aggTrade</c>).</summary>
    void OnTrade(in Trade trade);

    /// <summary>An upstream mark price (<c>markPrice@1s</c>).</summary>
    void OnMarkPrice(in MarkPriceUpdate update);

    /// <summary>The upstream's best bid and ask (<c>bookTicker</c>), while the local book is not in step with the upstream.</summary>
    void OnBookTicker(in BookTicker ticker);

    /// <summary>
    /// The top <see cref="LiveMarket.BookLevels"/> levels a side of the local book after each upstream diff, while it is
    /// in step with the upstream (then best bid/ask changes arrive this way instead of through <see cref="OnBookTicker"/>).
    /// </summary>
    void OnBook(DepthSnapshot book);
}
