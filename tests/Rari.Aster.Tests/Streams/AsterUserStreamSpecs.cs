using System.Text.Json;
using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using SimStreams = Rari.Aster.Sim.Streams;

namespace Rari.Aster.Tests.Streams;

public sealed class AsterUserStreamSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public async Task Should_create_a_listen_key_connect_and_deliver_every_event_parsed()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions());
        stream.Start();
        var connected = await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act
        Publish(sim, SimEvents.Order(1_746_489_660_001));
        Publish(sim, SimEvents.Account(1_746_489_660_002));
        Publish(sim, SimEvents.MarginCall(1_746_489_660_003));
        Publish(sim, new SimStreams.AccountConfigUpdate(1_746_489_660_004, 1_746_489_660_004) { Symbol = "BTCUSDT", Leverage = 25 });
        Publish(sim, new SimStreams.AccountConfigUpdate(1_746_489_660_005, 1_746_489_660_005) { MultiAssetsMode = false, HedgeMode = true });
        var events = await stream.Events.CollectAsync(items => items.Count == 5);

        // assert
        Assert.Equal((1, StreamConnectReason.Initial), (connected.Connection, connected.Reason));
        Assert.Equal(1, stream.ListenKeysRequested);
        var order = Assert.IsType<AsterOrderTradeUpdate>(events[0]);
        Assert.Equal(SimEvents.ExpectedOrder, order);
        var account = Assert.IsType<AsterAccountUpdate>(events[1]);
        Assert.Equal((1_746_489_660_002L, 1_746_489_660_002L, AsterAccountUpdateReason.Order), (account.EventTimeMs, account.TransactionTimeMs, account.Reason.Value));
        Assert.Equal([new AsterBalanceUpdate("USDT", 4999.9m, 4999.9m, 0m)], account.Balances);
        Assert.Equal(
            [new AsterPositionUpdate(Btc, 0.001m, 94696.7m, 0m, 0.01m, WireValue.Parse<AsterMarginType>("cross"), 0m, WireValue.Parse<PositionSide>("BOTH"))],
            account.Positions);
        var call = Assert.IsType<AsterMarginCall>(events[2]);
        Assert.Equal(4.5m, call.CrossWalletBalance);
        Assert.Equal(
            [new AsterMarginCallPosition(Btc, WireValue.Parse<PositionSide>("BOTH"), 0.5m, WireValue.Parse<AsterMarginType>("CROSSED"), 0m, 90000m, -4000m, 2250m)],
            call.Positions);
        Assert.Equal(new AsterAccountConfigUpdate(1_746_489_660_004, 1_746_489_660_004) { Symbol = Btc, Leverage = 25 }, events[3]);
        Assert.Equal(new AsterAccountConfigUpdate(1_746_489_660_005, 1_746_489_660_005) { MultiAssetsMode = false, FeeDeduction = false, HedgeMode = true }, events[4]);
    }

    [Fact]
    public async Task Should_keep_the_listen_key_alive_on_schedule()
    {
        // arrange: keys lapse after 2 s; the stream keeps its key alive every 250 ms
        await using var sim = await SimulatorHost.StartAsync(o => o with { ListenKeyLifetime = TimeSpan.FromSeconds(2) });
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions() with { KeepAliveListenKeyInterval = TimeSpan.FromMilliseconds(250) });
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act
        await Task.Delay(4_000);
        Publish(sim, SimEvents.Order(1_746_489_660_001));
        var events = await stream.Events.CollectAsync(items => items.OfType<AsterOrderTradeUpdate>().Any());
        await stream.DisposeAsync();
        var keepAlives = (await sim.RequestsAsync("/listenKey")).Count(r => r.Method == "PUT");

        // assert
        Assert.True(!events.Any(e => e is AsterListenKeyExpired or UserStreamDisconnected), string.Join("; ", events));
        Assert.InRange(stream.KeepAlivesSent, 12, 20);
        Assert.Equal(stream.KeepAlivesSent, keepAlives);
        Assert.Equal(1, stream.ListenKeysRequested);
        Assert.Equal(1, stream.ConnectionsOpened);
    }

    [Fact]
    public async Task Should_create_a_new_key_and_reconnect_when_the_venue_says_the_key_expired()
    {
        // arrange: keys lapse after 1 s and the stream keeps them alive only every 30 minutes
        await using var sim = await SimulatorHost.StartAsync(o => o with { ListenKeyLifetime = TimeSpan.FromSeconds(1.5) });
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions());
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act
        var expired = await stream.Events.NextAsync<AsterUserStreamEvent, AsterListenKeyExpired>(seconds: 5);
        var dropped = await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamDisconnected>();
        var back = await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();
        Publish(sim, SimEvents.Order(1_746_489_660_001));
        var order = await stream.Events.NextAsync<AsterUserStreamEvent, AsterOrderTradeUpdate>();

        // assert
        Assert.True(expired.EventTimeMs > 0);
        Assert.Equal((1, "the listenKey expired", TimeSpan.Zero), (dropped.Connection, dropped.Reason, dropped.RetryIn));
        Assert.Equal((2, StreamConnectReason.Reconnect), (back.Connection, back.Reason));
        Assert.Equal(SimEvents.ExpectedOrder, order);
        Assert.Equal(2, stream.ListenKeysRequested);
    }

    [Fact]
    public async Task Should_create_a_new_key_and_reconnect_when_the_keepalive_is_refused_with_1125()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        using var other = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions() with { KeepAliveListenKeyInterval = TimeSpan.FromMilliseconds(300) });
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act: someone closes the account's key; the venue sends no event for that
        await other.CloseListenKeyAsync();
        var dropped = await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamDisconnected>();
        var back = await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();
        Publish(sim, SimEvents.Order(1_746_489_660_001));
        var order = await stream.Events.NextAsync<AsterUserStreamEvent, AsterOrderTradeUpdate>();

        // assert
        Assert.Equal("the listenKey no longer exists (-1125 on keepalive)", dropped.Reason);
        Assert.Equal(StreamConnectReason.Reconnect, back.Reason);
        Assert.Equal(SimEvents.ExpectedOrder, order);
        Assert.Equal(2, stream.ListenKeysRequested);
    }

    [Fact]
    public async Task Should_reconnect_on_the_same_key_after_a_drop()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions());
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act
        await sim.DropStreamsAsync();
        var back = await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();
        Publish(sim, SimEvents.Order(1_746_489_660_001));
        var order = await stream.Events.NextAsync<AsterUserStreamEvent, AsterOrderTradeUpdate>();
        var created = (await sim.RequestsAsync("/listenKey")).Count(r => r.Method == "POST");

        // assert
        Assert.Equal((2, StreamConnectReason.Reconnect), (back.Connection, back.Reason));
        Assert.Equal(SimEvents.ExpectedOrder, order);
        Assert.Equal(2, created);
    }

    [Fact]
    public async Task Should_put_events_that_arrive_out_of_order_back_in_event_time_order()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions() with { ReorderWindow = TimeSpan.FromMilliseconds(300) });
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act
        foreach (var time in new long[] { 30, 10, 20, 10 })
        {
            Publish(sim, new SimStreams.AccountConfigUpdate(time, time) { Symbol = "BTCUSDT", Leverage = (int)time });
        }

        var events = await stream.Events.CollectAsync(items => items.Count == 4);

        // assert
        Assert.Equal([10, 10, 20, 30], events.Cast<AsterAccountConfigUpdate>().Select(e => e.Leverage!.Value));
    }

    [Fact]
    public async Task Should_log_and_skip_an_event_it_does_not_read()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        var logs = new CapturingLoggerFactory();
        await using var stream = new AsterUserStream(rest, sim.UserOptions(), logs);
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();

        // act
        Publish(sim, new Announcement(1));
        Publish(sim, SimEvents.Order(2));
        var order = await stream.Events.NextAsync<AsterUserStreamEvent, AsterOrderTradeUpdate>();

        // assert
        Assert.Equal(2, order.EventTimeMs);
        var skipped = Assert.Single(logs.Entries, e => e.EventId.Id == 1204);
        Assert.Contains("event type 'announcement'", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("\"en\":{\"t\":\"New listing\"}", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_rest_client_without_credentials()
    {
        // arrange
        using var rest = Rari.Aster.Rest.AsterRestClient.Create(Rari.Aster.Rest.AsterClientOptions.Mainnet);

        // act
        var refused = Assert.Throws<ArgumentException>(() => new AsterUserStream(rest, new UserStreamOptions()));

        // assert
        Assert.Contains("credentials", refused.Message, StringComparison.Ordinal);
    }

    private static void Publish(SimulatorHost sim, SimStreams.UserStreamEvent e) => sim.Server.UserEvents.Publish(SimulatorAccounts.Name, e);

    /// <summary>V3's <c>announcement</c> event, which a trading client ignores.</summary>
    private sealed record Announcement(long EventTimeMs) : SimStreams.UserStreamEvent(EventTimeMs)
    {
        public override string EventType => "announcement";

        protected override void WriteFields(Utf8JsonWriter w)
        {
            w.WriteStartObject("en");
            w.WriteString("t", "New listing");
            w.WriteEndObject();
        }
    }
}
