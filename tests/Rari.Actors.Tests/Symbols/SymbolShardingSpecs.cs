using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;
using Rari.Domain.Strategies.Sizing;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Symbols;

/// <summary>The symbol supervisors as entities of a real shard region on a one-node cluster.</summary>
public sealed class SymbolShardingSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(Config, output)
{
    private const string Config = PersistenceConfig + """

        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.cluster.sharding.remember-entities = off
        """;

    [Fact]
    public async Task Should_start_the_symbol_and_bring_its_closed_bars_to_the_strategy_through_the_shard_region()
    {
        // arrange: join self, start the region the way the node does
        var cluster = Cluster.Get(Sys);
        await cluster.JoinAsync(cluster.SelfAddress);
        var rig = new SymbolRig(this);
        var sharding = ClusterSharding.Get(Sys);
        var settings = ClusterShardingSettings.Create(Sys);
        var region = await sharding.StartAsync(
            SymbolSharding.TypeName,
            SymbolSupervisor.EntityProps(StrategyKind.Grid, Catalog, rig.Strategies, rig.History, rig.RiskGate, rig.Gateway, rig.Mediator, rig.Audit, rig.Settings),
            settings,
            new Rari.Actors.Hosting.SymbolShardExtractor(),
            sharding.DefaultShardAllocationStrategy(settings),
            StopSymbol.Instance);

        // act
        region.Tell(new StartSymbol(Eth));
        var shard = new Rari.Actors.Hosting.SymbolShardExtractor().ShardId(Eth.Value, null);
        var strategy = Sys.ActorSelection($"/system/sharding/{SymbolSharding.TypeName}/{shard}/{Eth.Value}/{SymbolSupervisor.ChildName}");
        await AwaitAssertAsync(
            async () =>
            {
                var status = await strategy.Ask<StrategyStatus>(GetStrategyStatus.Instance, TimeSpan.FromSeconds(2));
                Assert.Equal(StrategyStage.Trading, status.Stage);
                Assert.True(status.HasAccount);
            },
            Wait,
            TimeSpan.FromMilliseconds(100));
        region.Tell(Closed(FirstLive));

        // assert: the grid started on the bar; the region answers for the symbol
        var entry = rig.RiskGateGot<SubmitOrder>();
        Assert.Equal(Eth, entry.Symbol);
        var symbol = await region.Ask<SymbolStatus>(new GetSymbolStatus(Eth), Wait);
        Assert.Equal(9, symbol.OpenOrders.Count);
        Assert.Equal(StrategyKind.Grid, symbol.Mode);
    }
}
