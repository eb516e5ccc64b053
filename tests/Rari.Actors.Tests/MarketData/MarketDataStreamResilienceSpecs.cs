using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Xunit.Abstractions;
using static Rari.Actors.Tests.MarketData.SimVenue;

namespace Rari.Actors.Tests.MarketData;

/// <summary>The market-data stream when the connection drops or stalls, or the stream cannot be built.</summary>
public sealed class MarketDataStreamResilienceSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = INFO", output)
{
    private const long Minute = 60_000;

    [Fact]
    public async Task Should_reconnect_after_the_socket_drops_and_go_on_delivering()
    {
        // arrange
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        await SubscribeAsync(stream, Btc);
        await sim.StepAsync();
        await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1);

        // act
        await sim.DropStreamsAsync();
        await AwaitAssertAsync(
            async () =>
            {
                var status = await stream.StatusAsync();
                Assert.True(status.Connected && status.Connections == 2, $"connected {status.Connected}, {status.Connections} connection(s)");
            },
            ProbeReading.Patience);
        await sim.StepAsync();
        var after = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1);

        // assert
        Assert.Equal([FirstOpenMs + Minute], after.KlineOpens(Btc));
    }

    [Fact]
    public async Task Should_fill_the_klines_missed_while_the_connection_was_down_in_order()
    {
        // arrange: the second minute is replayed while the connection delivers nothing, then it drops
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        await SubscribeAsync(stream, Btc, Eth);
        await sim.StepAsync();
        await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1 && r.KlineOpens(Eth).Count == 1);
        await sim.StallStreamsAsync();
        await sim.StepAsync();

        // act
        await sim.DropStreamsAsync();
        await AwaitAssertAsync(async () => Assert.Equal(2, (await stream.StatusAsync()).Connections), ProbeReading.Patience);
        await sim.StepAsync();
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 2 && r.KlineOpens(Eth).Count == 2);

        // assert: the missed minute from REST, then the live one; nothing twice
        Assert.Equal([FirstOpenMs + Minute, FirstOpenMs + (2 * Minute)], received.KlineOpens(Btc));
        Assert.Equal([FirstOpenMs + Minute, FirstOpenMs + (2 * Minute)], received.KlineOpens(Eth));
    }

    [Fact]
    public async Task Should_tell_a_symbol_its_data_is_stale_when_the_stream_stalls_and_resumed_when_it_flows_again()
    {
        // arrange: the replay runs by itself, a bar every 50 ms
        await using var sim = await StartAsync(o => o with { ReplayMode = ReplayMode.Paced, Speed = 1_200 });
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols, FastSettings() with { StalenessLimit = TimeSpan.FromMilliseconds(1_500) });
        await SubscribeAsync(stream, Btc);
        await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count > 0);
        var stalledAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // act
        await sim.StallStreamsAsync();
        var stale = (MarketDataStale)await symbols.FishForMessageAsync(m => m is MarketDataStale s && s.DetectedAtMs >= stalledAt, ProbeReading.Patience);
        var whileStale = await stream.StatusAsync();
        await sim.ResumeStreamsAsync();
        var resumed = (MarketDataResumed)await symbols.FishForMessageAsync(m => m is MarketDataResumed, ProbeReading.Patience);
        var flowing = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count > 0);

        // assert
        Assert.Equal(Btc, stale.Symbol);
        Assert.True(stale.LastEventAtMs > 0 && stale.LastEventAtMs < stale.DetectedAtMs);
        Assert.True(whileStale.Symbols[Btc].IsStale);
        Assert.Equal(Btc, resumed.Symbol);
        Assert.True(resumed.SilentForMs > 1_500, $"silent for {resumed.SilentForMs} ms");
        Assert.NotEmpty(flowing.KlineOpens(Btc));
        Assert.False((await stream.StatusAsync()).Symbols[Btc].IsStale);
    }

    [Fact]
    public async Task Should_tell_a_symbol_that_never_heard_anything_that_its_data_is_stale()
    {
        // arrange: a manual clock nobody steps
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols, FastSettings() with { StalenessLimit = TimeSpan.FromMilliseconds(300) });

        // act
        await SubscribeAsync(stream, Sui);
        var stale = await symbols.ExpectMsgAsync<MarketDataStale>(ProbeReading.Patience);

        // assert
        Assert.Equal((Sui, 0L), (stale.Symbol, stale.LastEventAtMs));
    }

    [Fact]
    public async Task Should_rebuild_a_stream_that_failed_to_start_with_backoff_and_log_it()
    {
        // arrange: the first stream cannot even be made
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var settings = FastSettings();
        var options = settings.ApplyTo(sim.StreamOptions());
        var attempts = 0;
        AsterMarketStream Factory() => Interlocked.Increment(ref attempts) == 1
            ? throw new InvalidOperationException("the network is not there yet")
            : new AsterMarketStream(options);

        // act
        var stream = await EventFilter.Warning(contains: "the network is not there yet").ExpectOneAsync(() =>
            Task.FromResult(Sys.ActorOf(MarketDataStream.Props(settings, Factory, symbols, TimeProvider.System))));
        await SubscribeAsync(stream, Btc);
        await sim.StepAsync();
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1);

        // assert
        Assert.Equal([FirstOpenMs], received.KlineOpens(Btc));
        Assert.Equal(2, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Should_carry_the_same_symbols_after_the_actor_restarts()
    {
        // arrange
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var props = MarketDataStream.Props(FastSettings(), sim.StreamOptions(), symbols, TimeProvider.System, sim.RestClient());
        var parent = Sys.ActorOf(Props.Create(() => new RestartingParent(props)));
        var stream = await parent.Ask<IActorRef>("child", ProbeReading.Patience);
        await SubscribeAsync(stream, Eth);
        await sim.StepAsync();
        await symbols.ReceiveUntilAsync(r => r.KlineOpens(Eth).Count == 1);

        // act: a restart by its supervisor
        stream.Tell(Kill.Instance);
        await AwaitAssertAsync(
            async () =>
            {
                var status = await stream.StatusAsync();
                Assert.True(status.Connected && status.Symbols.ContainsKey(Eth), "not yet back with ETHUSDT");
            },
            ProbeReading.Patience);
        await SettleSubscriptionAsync(stream);
        await sim.StepAsync();
        var after = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Eth).Count == 1);

        // assert
        Assert.Equal([FirstOpenMs + Minute], after.KlineOpens(Eth));
    }

    /// <summary>Restarts its one child whatever it failed with (the user guardian would stop a killed actor).</summary>
    private sealed class RestartingParent : ReceiveActor
    {
        public RestartingParent(Props child)
        {
            var created = Context.ActorOf(child, "market-data");
            ReceiveAny(_ => Sender.Tell(created));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart);
    }

    /// <summary>A subscribe answered only once the earlier one is acknowledged: the venue then carries the streams.</summary>
    private async Task SettleSubscriptionAsync(IActorRef stream)
    {
        var status = await stream.StatusAsync();
        await SubscribeAsync(stream, [.. status.Symbols.Keys]);
    }

    private IActorRef Start(SimVenue sim, TestProbe symbols, MarketDataSettings? settings = null) =>
        Sys.ActorOf(MarketDataStream.Props(settings ?? FastSettings(), sim.StreamOptions(), symbols, TimeProvider.System, sim.RestClient()));

    private async Task<SymbolsSubscribed> SubscribeAsync(IActorRef stream, params Symbol[] symbols)
    {
        stream.Tell(new SubscribeSymbols(symbols), TestActor);
        return await ExpectMsgAsync<SymbolsSubscribed>(ProbeReading.Patience);
    }
}
