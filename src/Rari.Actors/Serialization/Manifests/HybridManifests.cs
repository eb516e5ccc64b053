using Rari.Domain.Strategies.Hybrid;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>
/// The hybrid strategy's events (<c>Strategies/Hybrid/HybridEvents.cs</c>) and its snapshot, journaled by the regime
/// arbiter. <see cref="ChildDecided"/> carries a child's event and <see cref="HybridSnapshot"/> the children's states:
/// those members are written with their own manifest (<c>"$type"</c>), so any registered event or state fits.
/// </summary>
internal static class HybridManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<ChildDecided>("hybrid.child-decided.v1")
        .Add<RegimeSwitched>("hybrid.regime-switched.v1")
        .Add<SwitchCompleted>("hybrid.switch-completed.v1")
        .Add<ExposureCloseOrdered>("hybrid.exposure-close-ordered.v1")
        .Add<ExposureCloseFilled>("hybrid.exposure-close-filled.v1")
        .Add<ExposureCloseEnded>("hybrid.exposure-close-ended.v1")
        .Add<HybridSnapshot>("hybrid.snapshot.v1");
}
