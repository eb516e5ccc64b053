using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Akka.Pattern;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Serialization;
using Rari.Actors.Symbols;
using Rari.Aster.Streams;
using Rari.Domain.Strategies;

namespace Rari.Actors.Hosting;

/// <summary>
/// Registers the design card's actors on an Akka.Hosting builder: the symbols' shard region, the risk gate and the
/// exchange gateway as cluster singletons (reached through proxies), and the node's market-data stream. The node, the
/// tests and (later) the dashboard all call <see cref="AddRariActors"/>, so they run the same wiring.
/// </summary>
public static class RariHostingExtensions
{
    /// <summary>The cluster role of trader nodes: shards and singletons live only there.</summary>
    public const string TraderRole = "trader";

    /// <summary>The singleton manager name of the risk gate.</summary>
    public const string RiskGateName = "risk-gate";

    /// <summary>The singleton manager name of the exchange gateway.</summary>
    public const string GatewayName = "exchange-gateway";

    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Adds serialization, the region, the singletons and the market-data stream; then starts the symbols.</summary>
    public static AkkaConfigurationBuilder AddRariActors(this AkkaConfigurationBuilder builder, RariRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(runtime);
        var settings = runtime.Settings;
        var strategies = settings.Strategies;
        var history = new AsterKlineHistory(runtime.Rest);
        var singleton = new ClusterSingletonOptions { Role = TraderRole };

        builder.AddRariSerialization();

        // 1. Proxies first: every other actor's Props take them, and the singletons take each other's.
        builder.WithSingletonProxy<ActorKeys.RiskGate>(RiskGateName, singleton);
        builder.WithSingletonProxy<ActorKeys.ExchangeGateway>(GatewayName, singleton);

        // 2. The symbols: one host per symbol, wherever the shard lives; the host subscribes this node's market data to
        //    its symbol and runs the symbol's supervisor. A cluster node remembers the symbols in the journal, so the
        //    shards of a node that dies restart their symbols on a survivor without waiting for a message.
        builder.WithShardRegion<ActorKeys.Symbols>(
            SymbolSharding.TypeName,
            (system, registry) => SymbolHost.EntityProps(
                SymbolSupervisor.EntityProps(
                    runtime.Mode,
                    runtime.Catalog,
                    strategies,
                    history,
                    registry.Get<ActorKeys.RiskGate>(),
                    registry.Get<ActorKeys.ExchangeGateway>(),
                    DistributedPubSub.Get(system).Mediator,
                    runtime.Audit,
                    settings.StrategyActors,
                    runtime.Time),
                registry.GetAsync<ActorKeys.MarketDataStream>(),
                runtime.Symbols),
            new SymbolShardExtractor(),
            new ShardOptions
            {
                Role = TraderRole,
                StateStoreMode = runtime.RememberSymbols ? StateStoreMode.Persistence : StateStoreMode.DData,
                RememberEntities = runtime.RememberSymbols,
                RememberEntitiesStore = RememberEntitiesStore.Eventsourced,

                // A shard hand-off stops each host with the supervisor's own message, so it stops its strategy cleanly.
                HandOffStopMessage = StopSymbol.Instance,
            });

        // 3. The singletons, each under a backoff supervisor: a persistent actor stops when its journal fails, and
        //    must come back; the termination message ends both it and its supervisor at a hand-over.
        builder.WithSingleton<RiskGateManager>(
            RiskGateName,
            (system, registry, _) => Supervised(
                RiskGate.Props(
                    settings.Risk.Settings,
                    settings.Assets,
                    runtime.Catalog,
                    registry.Get<ActorKeys.ExchangeGateway>(),
                    registry.Get<ActorKeys.Symbols>(),
                    DistributedPubSub.Get(system).Mediator,
                    runtime.Audit),
                "risk-gate",
                message => message is StopRiskGate),
            new ClusterSingletonOptions { Role = TraderRole, TerminationMessage = StopRiskGate.Instance },
            createProxyToo: false);
        builder.WithSingleton<GatewayManager>(
            GatewayName,
            (system, registry, _) => Supervised(
                ExchangeGateway.Props(
                    settings.Gateway,
                    runtime.Rest,
                    () => new AsterUserStream(runtime.Rest, runtime.UserStream, runtime.LoggerFactory, runtime.Time),
                    registry.Get<ActorKeys.Symbols>(),
                    registry.Get<ActorKeys.RiskGate>(),
                    DistributedPubSub.Get(system).Mediator,
                    runtime.Audit,
                    runtime.Catalog,
                    runtime.Account),
                "gateway",
                message => message is StopGateway),
            new ClusterSingletonOptions { Role = TraderRole, TerminationMessage = StopGateway.Instance },
            createProxyToo: false);

        // 4. This node's market data, routed into the region.
        builder.WithActors((system, registry) =>
        {
            var stream = system.ActorOf(
                MarketDataStream.Props(settings.MarketData, runtime.MarketStreams, registry.Get<ActorKeys.Symbols>(), runtime.Time, runtime.Rest, runtime.LoggerFactory),
                "market-data");
            registry.Register<ActorKeys.MarketDataStream>(stream);
        });

        // 5. A single node (no seeds configured) joins itself; then the traded symbols start (each host subscribes its
        //    node's market data to its symbol). StartSymbol is idempotent, so every node of a cluster may send it.
        builder.AddStartup((system, registry) =>
        {
            var cluster = Cluster.Get(system);
            if (cluster.Settings.SeedNodes.Count == 0)
            {
                cluster.Join(cluster.SelfAddress);
            }

            var region = registry.Get<ActorKeys.Symbols>();
            foreach (var symbol in runtime.Symbols)
            {
                region.Tell(new StartSymbol(symbol));
            }

        });
        return builder;
    }

    private static Props Supervised(Props child, string childName, Func<object, bool> isFinalStop) =>
        BackoffSupervisor.Props(
            Backoff.OnStop(child, childName, MinBackoff, MaxBackoff, randomFactor: 0.2, maxNrOfRetries: -1)
                .WithFinalStopMessage(isFinalStop));

    /// <summary>Registry key of the risk gate's singleton manager (the proxy is <see cref="ActorKeys.RiskGate"/>).</summary>
    private sealed class RiskGateManager
    {
        private RiskGateManager()
        {
        }
    }

    /// <summary>Registry key of the gateway's singleton manager (the proxy is <see cref="ActorKeys.ExchangeGateway"/>).</summary>
    private sealed class GatewayManager
    {
        private GatewayManager()
        {
        }
    }
}
