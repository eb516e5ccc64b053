using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>The volatility strategy's events (<c>Strategies/Volatility/VolatilityEvents.cs</c>) and its snapshot.</summary>
internal static class VolatilityManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<EntrySignalled>("vol.entry-signalled.v1")
        .Add<EntrySkipped>("vol.entry-skipped.v1")
        .Add<FillRecorded>("vol.fill-recorded.v1")
        .Add<OrderEnded>("vol.order-ended.v1")
        .Add<CancelRequested>("vol.cancel-requested.v1")
        .Add<PositionOpened>("vol.position-opened.v1")
        .Add<ExitOrdersPlaced>("vol.exit-orders-placed.v1")
        .Add<TrailingStopMoved>("vol.trailing-stop-moved.v1")
        .Add<PositionCloseRequested>("vol.position-close-requested.v1")
        .Add<PositionClosed>("vol.position-closed.v1")
        .Add<PositionInherited>("vol.position-inherited.v1")
        .Add<PositionReleased>("vol.position-released.v1")
        .Add<PositionVanished>("vol.position-vanished.v1")
        .Add<VolatilityState>("vol.state.v1");
}
