using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Live;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;

namespace Rari.Aster.Sim.Hosting;

/// <summary>
/// What a trading engine needs from the simulator to be wired in: the market (symbols with their rules and bars, the
/// replay and its <see cref="MarketReplay.BarsReplayed"/> event), the accounts, where to publish user-stream events,
/// and the wall clock.
/// </summary>
/// <param name="Replay">The market replay: served symbols, market time, and the per-minute bar event.</param>
/// <param name="Accounts">The accounts, with starting balances.</param>
/// <param name="UserEvents">Where to publish ORDER_TRADE_UPDATE, ACCOUNT_UPDATE and the other user events.</param>
/// <param name="TimeProvider">The wall clock authentication uses.</param>
public sealed record SimContext(MarketReplay Replay, AccountBook Accounts, IUserEventSink UserEvents, TimeProvider TimeProvider)
{
    /// <summary>
    /// The upstream the market follows live, or null for a replay. A trading engine fills on its trades, mark prices
    /// and best bid/ask (<see cref="LiveMarket.Listen"/>) instead of on replayed bars, which a live market never raises.
    /// </summary>
    public LiveMarket? Live { get; init; }
}
