using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Streams;

public sealed class StreamConnectionSpecs
{
    [Fact]
    public async Task Should_send_ping_frames_and_close_a_client_that_never_pongs()
    {
        // arrange: a bare TCP client that completes the handshake and then never answers
        await using var host = await SimHost.StartAsync(o => o with { StreamPingInterval = TimeSpan.FromMilliseconds(200), StreamPongTimeout = TimeSpan.FromMilliseconds(400) });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.Server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var handshake = $"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        var response = await ReadHeadersAsync(stream);

        // act
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var first = new byte[2];
        await stream.ReadExactlyAsync(first, timeout.Token);
        var closedWithin = await ReadUntilClosedAsync(stream, timeout.Token);

        // assert
        Assert.StartsWith("HTTP/1.1 101", response);
        Assert.Equal(0x89, first[0]);
        Assert.True(closedWithin, "The server should give up on a client that never answers pings.");
    }

    [Fact]
    public async Task Should_keep_a_client_that_answers_pings()
    {
        // arrange: ClientWebSocket answers pings with pongs on its own
        await using var host = await SimHost.StartAsync(o => o with { StreamPingInterval = TimeSpan.FromMilliseconds(100), StreamPongTimeout = TimeSpan.FromMilliseconds(300) });
        await using var ws = await host.ConnectAsync("/ws");
        var quiet = await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(1200));

        // act
        await ws.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
        var reply = await ws.ReceiveAsync();

        // assert
        Assert.Null(quiet);
        Assert.Equal(WebSocketState.Open, ws.Socket.State);
        Assert.Equal("""{"result":[],"id":1}""", reply.GetRawText());
    }

    [Fact]
    public async Task Should_drop_every_connection_on_demand()
    {
        // arrange
        await using var host = await SimHost.StartAsync();
        await using var first = await host.ConnectAsync("/ws/btcusdt@aggTrade");
        await using var second = await host.ConnectAsync("/stream");

        // act
        var dropped = await host.AdminAsync(HttpMethod.Post, "/_sim/streams/drop");
        var firstEnd = await first.TryReceiveAsync(TimeSpan.FromSeconds(3));
        var secondEnd = await second.TryReceiveAsync(TimeSpan.FromSeconds(3));

        // assert
        Assert.Equal(2, dropped.GetProperty("dropped").GetInt32());
        Assert.Null(firstEnd);
        Assert.Null(secondEnd);
        Assert.NotEqual(WebSocketState.Open, first.Socket.State);
    }

    [Fact]
    public async Task Should_drop_a_connection_by_message_probability()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { Faults = new FaultSettings { StreamDropRate = 1 } });
        await using var ws = await host.ConnectAsync("/ws/btcusdt@aggTrade");

        // act
        await host.StepAsync(1);
        var message = await ws.TryReceiveAsync(TimeSpan.FromSeconds(3));

        // assert
        Assert.Null(message);
        Assert.NotEqual(WebSocketState.Open, ws.Socket.State);
    }

    [Fact]
    public async Task Should_stall_silently_and_resume_on_demand()
    {
        // arrange
        await using var host = await SimHost.StartAsync();
        await using var ws = await host.ConnectAsync("/ws/btcusdt@markPrice");
        await host.AdminAsync(HttpMethod.Post, "/_sim/streams/stall");

        // act
        await host.StepAsync(1);
        var whileStalled = await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(500));
        var stateWhileStalled = ws.Socket.State;
        await host.AdminAsync(HttpMethod.Post, "/_sim/streams/resume");
        await host.StepAsync(1);
        var afterResume = await ws.ReceiveAsync();

        // assert
        Assert.Null(whileStalled);
        Assert.Equal(WebSocketState.Open, stateWhileStalled);
        Assert.Equal(1_746_489_600_000 + 120_000, afterResume.GetProperty("E").GetInt64());
    }

    [Fact]
    public async Task Should_stall_a_connection_by_message_probability()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { Faults = new FaultSettings { StreamStallRate = 1 } });
        await using var ws = await host.ConnectAsync("/ws/btcusdt@markPrice");

        // act
        await host.StepAsync(3);
        var message = await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(500));

        // assert
        Assert.Null(message);
        Assert.Equal(WebSocketState.Open, ws.Socket.State);
    }

    private static async Task<string> ReadHeadersAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(one);
            text.Append((char)one[0]);
        }

        return text.ToString();
    }

    private static async Task<bool> ReadUntilClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
