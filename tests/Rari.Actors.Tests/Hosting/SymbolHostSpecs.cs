using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using Rari.Actors.Hosting;
using Rari.Actors.MarketData;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Hosting;

/// <summary>The sharding entity of a symbol on its node: the node's market data follows it, its supervisor runs under it.</summary>
public sealed class SymbolHostSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = INFO", output)
{
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void Should_subscribe_the_node_market_data_to_its_symbol_while_it_lives_here_and_unsubscribe_when_it_stops()
    {
        // arrange
        var stream = CreateTestProbe();
        var supervisor = CreateTestProbe();
        var host = StartHost(stream, supervisor, traded: true);

        // act
        var subscribed = stream.ExpectMsg<SubscribeSymbols>(Wait);
        Watch(host);
        host.Tell(StopSymbol.Instance);

        // assert
        Assert.Equal([Eth], subscribed.Symbols);
        supervisor.ExpectMsg<StopSymbol>(Wait); // <-- the supervisor stops its strategy first
        Sys.Stop(supervisor.Ref);
        ExpectTerminated(host, Wait);
        Assert.Equal([Eth], stream.ExpectMsg<UnsubscribeSymbols>(Wait).Symbols); // <--
    }

    [Fact]
    public void Should_forward_every_message_to_the_supervisor_keeping_the_sender()
    {
        // arrange
        var stream = CreateTestProbe();
        var supervisor = CreateTestProbe();
        var host = StartHost(stream, supervisor, traded: true);
        stream.ExpectMsg<SubscribeSymbols>(Wait);

        // act
        host.Tell(new GetSymbolStatus(Eth), TestActor);

        // assert
        supervisor.ExpectMsg<GetSymbolStatus>(Wait);
        Assert.Equal(TestActor, supervisor.LastSender); // <-- answers go straight back to who asked
    }

    [Fact]
    public void Should_wait_for_the_market_data_stream_to_register_before_subscribing()
    {
        // arrange: the registry has no stream yet
        var stream = CreateTestProbe();
        var supervisor = CreateTestProbe();
        var registered = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var props = SymbolHost.EntityProps(_ => Forwarder(supervisor), registered.Task, [Eth])(Eth.Value);
        Sys.ActorOf(props);
        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        // act
        registered.SetResult(stream.Ref);

        // assert
        Assert.Equal([Eth], stream.ExpectMsg<SubscribeSymbols>(Wait).Symbols); // <--
    }

    [Fact]
    public void Should_ask_its_shard_to_forget_a_symbol_no_longer_traded_without_starting_it()
    {
        // arrange: the host's parent stands in for the shard
        var stream = CreateTestProbe();
        var supervisor = CreateTestProbe();
        var shard = CreateTestProbe();
        var props = SymbolHost.EntityProps(_ => Forwarder(supervisor), Task.FromResult(stream.Ref), [new Symbol("SOLUSDT")])(Eth.Value);

        // act
        var host = shard.ChildActorOf(props);

        // assert
        var passivate = shard.ExpectMsg<Passivate>(Wait);
        Assert.Same(StopSymbol.Instance, passivate.StopMessage); // <--
        Watch(host);
        host.Tell(StopSymbol.Instance);
        ExpectTerminated(host, Wait);
        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // never subscribed, never unsubscribed
        supervisor.ExpectNoMsg(TimeSpan.Zero);
    }

    private IActorRef StartHost(TestProbe stream, TestProbe supervisor, bool traded) =>
        Sys.ActorOf(SymbolHost.EntityProps(_ => Forwarder(supervisor), Task.FromResult(stream.Ref), traded ? [Eth] : [])(Eth.Value));

    // The supervisor's place: a child that hands every message to the probe, sender kept, and stops with it.
    private static Props Forwarder(TestProbe probe) => Props.Create(() => new ForwardingChild(probe.Ref));

    private sealed class ForwardingChild : ReceiveActor
    {
        public ForwardingChild(IActorRef target)
        {
            Context.Watch(target);
            Receive<Terminated>(_ => Context.Stop(Self));
            ReceiveAny(message => target.Forward(message));
        }
    }
}
