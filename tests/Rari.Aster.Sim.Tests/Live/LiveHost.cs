using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Live;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Tests.Support;
using Rari.Aster.Sim.Trading;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Tests.Live;

/// <summary>
/// A live-market simulator following an upstream over loopback. The upstream is a second simulator replaying the
/// bundled BTCUSDT sample on a manual clock (this machine has no internet, and a simulator speaks Aster's protocol),
/// <see cref="UpstreamHistoryBars"/> minutes in; the live one loads <see cref="LiveHistoryBars"/> of them and trades
/// for the <c>test</c> account of <see cref="TestAccounts"/>.
/// </summary>
internal sealed class LiveHost : IAsyncDisposable
{
    public const int UpstreamHistoryBars = 120;
    public const int LiveHistoryBars = 60;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string? _upstreamInstruments;
    private AsterRestClient? _client;

    private LiveHost(SimHost upstream, SimServer live, string? upstreamInstruments)
    {
        Upstream = upstream;
        Live = live;
        _upstreamInstruments = upstreamInstruments;
    }

    public static Symbol Btc { get; } = new("BTCUSDT");

    public SimHost Upstream { get; private set; }

    public SimServer Live { get; }

    public LiveMarket Market => Live.Live!;

    public MarketSymbol LiveBtc => Live.Replay.Find(Btc)!;

    /// <summary>The upstream's recorded bars (its future is known to the test, never to the live simulator).</summary>
    public IReadOnlyList<Kline> UpstreamBars => Upstream.Server.Replay.Find(Btc)!.Series.Bars;

    /// <summary>Our REST client as the <c>test</c> account of the live simulator.</summary>
    public AsterRestClient Client => _client ??= AsterRestClient.Create(new AsterClientOptions
    {
        RestBaseUrl = Live.BaseAddress,
        WebSocketBaseUrl = Live.StreamAddress,
        V1Credentials = new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret),
    });

    /// <summary>Starts both; <paramref name="betweenLoadAndStart"/> runs after the history is loaded and before the streams are subscribed.</summary>
    public static async Task<LiveHost> StartAsync(string? upstreamInstruments = null, Func<SimHost, Task>? betweenLoadAndStart = null)
    {
        var upstream = await StartUpstreamAsync(port: 0, upstreamInstruments);
        var market = await LiveMarket.ConnectAsync(new LiveMarketOptions
        {
            RestBaseUrl = upstream.Server.BaseAddress,
            WebSocketBaseUrl = upstream.Server.StreamAddress,
            Symbols = [Btc],
            HistoryBars = LiveHistoryBars,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        });
        if (betweenLoadAndStart is not null)
        {
            await betweenLoadAndStart(upstream);
        }

        var live = SimServer.CreateLive(new SimOptions { AccountsFile = TestAccounts.File }, market, ctx => new VenueTradingApi(ctx));
        await live.StartAsync();
        var host = new LiveHost(upstream, live, upstreamInstruments);
        await WaitUntilAsync(() => market.IsFollowing, "the live simulator never subscribed to the upstream's streams");
        return host;
    }

    /// <summary>Replays the upstream's next minute and waits until the live simulator has taken its closed kline.</summary>
    public async Task<Kline> StepUpstreamAsync()
    {
        var next = UpstreamBars[Upstream.Server.Replay.ReplayedMinutes];
        await Upstream.StepAsync(1);
        await WaitUntilAsync(() => LiveBtc.LastBar?.OpenTimeMs == next.OpenTimeMs, $"the live simulator never took the upstream's bar {next.OpenTimeMs}");
        return next;
    }

    /// <summary>Stops the upstream: its connections close and every reconnection attempt fails until <see cref="RestartUpstreamAsync"/>.</summary>
    public async Task<int> StopUpstreamAsync()
    {
        var port = Upstream.Server.BaseAddress.Port;
        await Upstream.DisposeAsync();
        await WaitUntilAsync(() => !Market.IsFollowing, "the live simulator never noticed the upstream was gone");
        return port;
    }

    /// <summary>Starts the upstream again on <paramref name="port"/>, where it was, <paramref name="replayed"/> minutes in.</summary>
    public async Task RestartUpstreamAsync(int port, int replayed)
    {
        Upstream = await StartUpstreamAsync(port, _upstreamInstruments, replayed);
        await WaitUntilAsync(() => Market.IsFollowing, "the live simulator never reconnected to the upstream");
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Live.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    private static Task<SimHost> StartUpstreamAsync(int port, string? instruments, int replayed = UpstreamHistoryBars) =>
        SimHost.StartAsync(o => o with
        {
            DataFiles = [SimHost.SampleFile("BTCUSDT")],
            HistoryBars = replayed,
            InstrumentsFile = instruments,
            Port = port,
        });
}
