using Rari.Aster.Sim.Live;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Trading;

// A live market: the venue fills on the upstream's own events instead of replayed bars. Each trade is one price point
// (resting limits fill where the market traded, stops trigger there), each mark price moves the mark (margin,
// liquidation, MARK_PRICE stops, the funding estimate), and the upstream's book becomes the book takers meet: the top
// levels of the local book after each diff while it is in step, the best bid/ask otherwise (continued by the venue's
// synthetic depth beyond). Klines are not fed: their path is the trades already seen.
public sealed partial class VenueTradingApi
{
    private LiveFeed? _liveFeed;

    private void FollowLive(LiveMarket live)
    {
        _liveFeed = new LiveFeed(this);
        live.Listen(_liveFeed);
    }

    private void StopFollowingLive()
    {
        if (_liveFeed is not null)
        {
            _context.Live?.Unlisten(_liveFeed);
        }
    }

    private sealed class LiveFeed(VenueTradingApi owner) : ILiveMarketListener
    {
        public void OnTrade(in Trade trade)
        {
            lock (owner._gate)
            {
                owner._venue.OnTrade(trade);
            }
        }

        public void OnMarkPrice(in MarkPriceUpdate update)
        {
            lock (owner._gate)
            {
                owner._venue.OnMarkPrice(update);
            }
        }

        public void OnBookTicker(in BookTicker ticker)
        {
            lock (owner._gate)
            {
                owner._venue.OnBookTicker(ticker);
            }
        }

        public void OnBook(DepthSnapshot book)
        {
            lock (owner._gate)
            {
                owner._venue.OnDepth(book);
            }
        }
    }
}
