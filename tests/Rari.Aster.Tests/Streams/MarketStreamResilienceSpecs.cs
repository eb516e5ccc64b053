using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Rari.Aster.Streams;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Tests.Streams;

public sealed class MarketStreamResilienceSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Symbol Eth = new("ETHUSDT");

    [Fact]
    public async Task Should_reconnect_after_a_drop_and_subscribe_everything_again()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        stream.Start();
        await stream.SubscribeAsync([StreamNames.AggTrade(Btc), StreamNames.MarkPrice(Eth)]);
        await sim.StepAsync();
        await stream.Events.NextAsync<MarketStreamEvent, MarketData<MarkPriceUpdate>>();

        // act
        await sim.DropStreamsAsync();
        var lost = await stream.Events.NextAsync<MarketStreamEvent, StreamDisconnected>();
        var back = await stream.Events.NextAsync<MarketStreamEvent, StreamConnected>();
        var listed = await stream.ListSubscriptionsAsync();
        await sim.StepAsync();
        var after = await stream.Events.CollectAsync(items => items.OfType<MarketData<Trade>>().Count() == 4 && items.OfType<MarketData<MarkPriceUpdate>>().Any());

        // assert
        Assert.Equal(1, lost.Connection);
        Assert.InRange(lost.RetryIn, TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50));
        Assert.Equal((2, StreamConnectReason.Reconnect), (back.Connection, back.Reason));
        Assert.Equal(["btcusdt@aggTrade", "ethusdt@markPrice"], listed);
        Assert.Equal([5L, 6L, 7L, 8L], after.OfType<MarketData<Trade>>().Select(t => t.Data.Id));
        Assert.Equal(2, stream.ConnectionsOpened);
    }

    [Fact]
    public async Task Should_report_a_stalled_stream_as_silent_and_its_recovery_after_resume()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions() with { SilenceTimeout = TimeSpan.FromMilliseconds(400) });
        stream.Start();
        await stream.SubscribeAsync([StreamNames.MarkPrice(Btc), StreamNames.MarkPrice(Eth)]);
        await sim.StepAsync();
        await stream.Events.CollectAsync(items => items.OfType<MarketData<MarkPriceUpdate>>().Count() == 2);

        // act
        await sim.StallStreamsAsync();
        await sim.StepAsync();
        var silent = await stream.Events.NextAsync<MarketStreamEvent, StreamSilent>();
        await sim.ResumeStreamsAsync();
        await sim.StepAsync();
        var afterResume = await stream.Events.CollectAsync(items => items.OfType<StreamResumed>().Count() == 2 && items.OfType<MarketData<MarkPriceUpdate>>().Count() == 2);

        // assert
        Assert.Equal(["btcusdt@markPrice", "ethusdt@markPrice"], silent.Streams);
        Assert.Equal(["btcusdt@markPrice", "ethusdt@markPrice"], afterResume.OfType<StreamResumed>().SelectMany(r => r.Streams).Order(StringComparer.Ordinal));
        Assert.All(afterResume.OfType<StreamResumed>(), r => Assert.True(r.SilentForMs > 400, $"silent for {r.SilentForMs} ms"));
        Assert.Equal(1, stream.ConnectionsOpened);
    }

    [Fact]
    public async Task Should_switch_connections_before_their_age_limit_without_a_gap_or_a_duplicate()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions() with
        {
            MaxConnectionAge = TimeSpan.FromMilliseconds(700),
            SwitchOverGrace = TimeSpan.FromMilliseconds(300),
        });
        stream.Start();
        await stream.SubscribeAsync([StreamNames.AggTrade(Btc)]);

        // act: a bar every 100 ms for 4 s while the connection is replaced every 0.7 s
        var events = new List<MarketStreamEvent>();
        for (var bar = 0; bar < 40; bar++)
        {
            await sim.StepAsync();
            await Task.Delay(100);
            events.AddRange(await stream.Events.DrainAsync(TimeSpan.FromMilliseconds(1)));
        }

        events.AddRange(await stream.Events.CollectAsync(items => events.OfType<MarketData<Trade>>().Count() + items.OfType<MarketData<Trade>>().Count() >= 160));

        // assert
        var ids = events.OfType<MarketData<Trade>>().Select(t => t.Data.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 160).Select(i => (long)i), ids);
        var switches = events.OfType<StreamConnected>().Where(c => c.Reason == StreamConnectReason.Planned).ToList();
        Assert.True(switches.Count >= 3, $"only {switches.Count} planned switches");
        Assert.DoesNotContain(events, e => e is StreamDisconnected or StreamConnected { Reason: StreamConnectReason.Reconnect });
        Assert.Equal(["btcusdt@aggTrade"], await stream.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task Should_log_and_skip_garbage_without_losing_the_connection()
    {
        // arrange
        var longGarbage = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"junk\":\"" + new string('x', 2000) + "\"}}";
        await using var server = await ScriptedStreamServer.StartAsync([
            "this is not json",
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1}}",
            "{\"stream\":\"btcusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\",\"E\":1}}",
            "[1,2,3]",
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":\"x\",\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}}",
            longGarbage,
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1746489660000,\"s\":\"BTCUSDT\",\"a\":7,\"p\":\"94700.1\",\"q\":\"0.003\",\"f\":7,\"l\":7,\"T\":1746489659999,\"m\":false}}",
        ]);
        var logs = new CapturingLoggerFactory();
        await using var stream = new AsterMarketStream(new MarketStreamOptions { WebSocketBaseUrl = server.Address, MaxLoggedChars = 200 }, logs);
        stream.Start();

        // act
        await stream.SubscribeAsync([StreamNames.AggTrade(Btc)]);
        var trade = await stream.Events.NextAsync<MarketStreamEvent, MarketData<Trade>>();

        // assert
        Assert.Equal(new Trade(Btc, 7, 94700.1m, 0.003m, 1746489659999, false), trade.Data);
        var skipped = logs.Entries.Where(e => e.EventId.Id == 1204).ToList();
        Assert.Equal(6, skipped.Count);
        Assert.All(skipped, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains(skipped, e => e.Message.Contains("not JSON", StringComparison.Ordinal) && e.Message.Contains("this is not json", StringComparison.Ordinal));
        Assert.Contains(skipped, e => e.Message.Contains("field 's' is missing", StringComparison.Ordinal));
        Assert.Contains(skipped, e => e.Message.Contains("event type 'forceOrder'", StringComparison.Ordinal));
        Assert.Contains(skipped, e => e.Message.Contains("field 'a' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(skipped, e => e.Message.EndsWith($"… ({longGarbage.Length} chars)", StringComparison.Ordinal));
        Assert.Equal(1, server.Connections);
        Assert.Equal(1, stream.ConnectionsOpened);
    }

    [Fact]
    public async Task Should_answer_the_venues_pings_so_an_idle_connection_stays_open()
    {
        // arrange: the simulator pings every 200 ms and drops a client silent for 600 ms; our client sends no pings of its own
        await using var sim = await SimulatorHost.StartAsync(o => o with { StreamPingInterval = TimeSpan.FromMilliseconds(200), StreamPongTimeout = TimeSpan.FromMilliseconds(600) });
        await using var stream = new AsterMarketStream(sim.MarketOptions() with { KeepAliveInterval = TimeSpan.Zero });
        stream.Start();
        await stream.SubscribeAsync([StreamNames.MarkPrice(Btc)]);
        using var deaf = new ClientWebSocket();
        await deaf.ConnectAsync(new Uri(sim.StreamAddress, "ws/btcusdt@markPrice"), CancellationToken.None);

        // act
        await Task.Delay(2_000);
        await sim.StepAsync();
        var mark = await stream.Events.NextAsync<MarketStreamEvent, MarketData<MarkPriceUpdate>>();
        var deafFate = await Record.ExceptionAsync(async () =>
        {
            var buffer = new byte[4096];
            while ((await deaf.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        });

        // assert: the client that never read (so never answered a ping) was cut off; ours was not
        Assert.NotNull(deafFate);
        Assert.Equal(Btc, mark.Data.Symbol);
        Assert.Equal(1, stream.ConnectionsOpened);
    }

    [Fact]
    public async Task Should_space_its_messages_so_the_venue_never_disconnects_it_for_sending_too_fast()
    {
        // arrange: the venue's limit is 10 messages a second; our default keeps to 5
        await using var sim = await SimulatorHost.StartAsync(o => o with { MaxIncomingMessagesPerSecond = 10 });
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        stream.Start();
        var names = new[] { Btc, Eth, new Symbol("SOLUSDT"), new Symbol("SUIUSDT") }
            .SelectMany(s => new[] { StreamNames.AggTrade(s), StreamNames.MarkPrice(s), StreamNames.BookTicker(s), StreamNames.Ticker(s) })
            .ToList();
        var clock = Stopwatch.StartNew();

        // act: one message per stream, then one to list them
        foreach (var name in names)
        {
            await stream.SubscribeAsync([name]);
        }

        var listed = await stream.ListSubscriptionsAsync();
        clock.Stop();

        // assert
        Assert.Equal(names, listed);
        Assert.Equal(1, stream.ConnectionsOpened);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.9), $"17 messages took only {clock.Elapsed}");
    }
}
