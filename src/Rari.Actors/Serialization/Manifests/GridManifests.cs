using Rari.Domain.Strategies.Grid;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>The grid strategy's events (<c>Strategies/Grid/GridEvents.cs</c>) and its snapshot, journaled by the grid actor.</summary>
internal static class GridManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<GridStarted>("grid.started.v1")
        .Add<GridRefused>("grid.refused.v1")
        .Add<GridOrderPlaced>("grid.order-placed.v1")
        .Add<GridOrderSkipped>("grid.order-skipped.v1")
        .Add<GridOrderFilled>("grid.order-filled.v1")
        .Add<GridOrderEnded>("grid.order-ended.v1")
        .Add<GridEntriesWithdrawn>("grid.entries-withdrawn.v1")
        .Add<GridTrailed>("grid.trailed.v1")
        .Add<GridRecentred>("grid.recentred.v1")
        .Add<GridStopped>("grid.stopped.v1")
        .Add<GridInventoryReleased>("grid.inventory-released.v1")
        .Add<GridInventoryInherited>("grid.inventory-inherited.v1")
        .Add<GridInventoryAssigned>("grid.inventory-assigned.v1")
        .Add<GridState>("grid.state.v1");
}
