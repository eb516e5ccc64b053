using System.Net.Sockets;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Hosting;

public sealed class SimServerSpecs
{
    [Fact]
    public async Task Should_bind_to_loopback_on_a_free_port_and_answer_ping()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var (status, body, _) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal("127.0.0.1", host.Server.BaseAddress.Host);
        Assert.NotEqual(0, host.Server.BaseAddress.Port);
        Assert.Equal("ws", host.Server.StreamAddress.Scheme);
        Assert.Equal(host.Server.BaseAddress.Port, host.Server.StreamAddress.Port);
        Assert.Equal(200, status);
        Assert.Equal("{}", body.GetRawText());
    }

    [Fact]
    public async Task Should_stop_listening_when_stopped()
    {
        // arrange
        var host = await SimHost.StartAsync();
        var port = host.Server.BaseAddress.Port;

        // act
        await host.DisposeAsync();

        // assert
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task Should_listen_on_the_configured_port()
    {
        // arrange
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        // act
        await using var host = await SimHost.StartAsync(o => o with { Port = port });

        // assert
        Assert.Equal(port, host.Server.BaseAddress.Port);
        Assert.Equal(200, (await host.GetAsync("/fapi/v3/ping")).Status);
    }

    [Fact]
    public void Should_refuse_a_bind_address_that_is_not_an_ip()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => new SimServer(new SimOptions { BindAddress = "localhost" }));

        // assert
        Assert.Contains("BindAddress 'localhost' is not an IP address", error.Message);
    }

    [Fact]
    public async Task Should_answer_an_unknown_fapi_path_with_404_and_an_aster_error()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var (status, body, _) = await host.GetAsync("/fapi/v3/nothingHere");

        // assert
        Assert.Equal(404, status);
        Assert.Equal(-1020, body.GetProperty("code").GetInt32());
        Assert.Equal("Unknown path '/fapi/v3/nothingHere'.", body.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_answer_a_known_path_with_the_wrong_method_with_405()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var (status, body, _) = await host.SendAsync(HttpMethod.Delete, "/fapi/v1/time");

        // assert
        Assert.Equal(405, status);
        Assert.Equal(-1020, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_serve_the_history_bars_replayed_before_it_starts()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { ReplayMode = Rari.Aster.Sim.Replay.ReplayMode.Manual, HistoryBars = 30 });
        var symbol = host.Server.Replay.Symbols[0].Symbol.Value;

        // act
        var (status, body, _) = await host.GetAsync($"/fapi/v1/klines?symbol={symbol}&interval=1m&limit=100");

        // assert
        Assert.Equal(200, status);
        Assert.Equal(30, host.Server.Replay.ReplayedMinutes); // <--
        Assert.Equal(host.Server.Replay.DataStartMs + (30 * 60_000L), host.Server.Replay.MarketTimeMs);
        Assert.InRange(body.GetArrayLength(), 30, 31); // 30 closed bars, and the open one when the venue shows it
    }

    [Fact]
    public async Task Should_pace_on_from_the_end_of_the_history()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { ReplayMode = Rari.Aster.Sim.Replay.ReplayMode.Paced, Speed = 6000, HistoryBars = 1000 });
        var start = host.Server.Replay.ReplayedMinutes;

        // act: at 100 bars a second, a few more bars replay within moments, without waiting for 1000 bars of wall time
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (host.Server.Replay.ReplayedMinutes <= start + 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // assert
        Assert.True(start >= 1000);
        Assert.True(host.Server.Replay.ReplayedMinutes > start + 3, $"the replay stayed at {host.Server.Replay.ReplayedMinutes} minutes"); // <--
    }
}
