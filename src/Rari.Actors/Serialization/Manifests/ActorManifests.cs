using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>
/// The actors' own journals and messages: the exchange gateway's order journal and snapshot, the market-data stream's
/// order-book view (sent to the symbol's shard, possibly on another node), and the stop and resume messages that
/// sharding and the singleton managers deliver (possibly from another node).
/// </summary>
internal static class ActorManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<SubmissionStarted>("gateway.submission-started.v1")
        .Add<SubmissionRefused>("gateway.submission-refused.v1")
        .Add<OrderAdopted>("gateway.order-adopted.v1")
        .Add<OrderDeclaredLost>("gateway.order-declared-lost.v1")
        .Add<GatewaySnapshot>("gateway.snapshot.v1")
        .Add<GatewaySnapshotOrder>("gateway.snapshot-order.v1")
        .Add<OrderBookChanged>("market-data.order-book-changed.v1")
        .Add<StopGateway>("gateway.stop.v1")
        .Add<StopRiskGate>("risk-gate.stop.v1")
        .Add<StopSymbol>("symbol.stop.v1")
        .Add<ResumeSymbol>("symbol.resume.v1")
        .Add<StopStrategy>("strategy.stop.v1");
}
