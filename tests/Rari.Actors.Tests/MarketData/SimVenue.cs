using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rari.Actors.Settings;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.TestKit;

namespace Rari.Actors.Tests.MarketData;

/// <summary>
/// The real simulator (Rari.Aster.Sim with the Venue wired in) on a free loopback port, replaying the bundled sample
/// (BTC, ETH, SOL, SUI from 2025-05-06 00:00 UTC), with its demo account and the admin calls the specs use.
/// </summary>
internal sealed class SimVenue : IAsyncDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Symbol Eth = new("ETHUSDT");
    public static readonly Symbol Sol = new("SOLUSDT");
    public static readonly Symbol Sui = new("SUIUSDT");

    /// <summary>Open time of the sample's first bar, 2025-05-06 00:00 UTC.</summary>
    public const long FirstOpenMs = 1_746_489_600_000;

    private readonly List<AsterRestClient> _clients = [];

    private SimVenue(SimServer server)
    {
        Server = server;
        Admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public SimServer Server { get; }

    public HttpClient Admin { get; }

    public static IReadOnlyList<string> SampleData { get; } =
        Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data"), "*-1m-*.csv.gz").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Starts the simulator; the market clock is manual (stepped by the spec) unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<SimVenue> StartAsync(Func<SimOptions, SimOptions>? configure = null)
    {
        var options = new SimOptions { DataFiles = SampleData, ReplayMode = ReplayMode.Manual, DemoBalance = 100_000m };
        options = configure?.Invoke(options) ?? options;
        var server = new SimServer(options, context => new VenueTradingApi(context));
        await server.StartAsync();
        return new SimVenue(server);
    }

    /// <summary>A REST client as the demo account (disposed with the venue).</summary>
    public AsterRestClient RestClient()
    {
        var options = AsterClientOptions.Mainnet with
        {
            RestBaseUrl = Server.BaseAddress,
            WebSocketBaseUrl = Server.StreamAddress,
            V1Credentials = Server.DemoCredentials!.V1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        var client = AsterRestClient.Create(options);
        _clients.Add(client);
        return client;
    }

    /// <summary>Market-stream options against this simulator.</summary>
    public MarketStreamOptions StreamOptions() => new() { WebSocketBaseUrl = Server.StreamAddress, RequestTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>Settings for fast specs: quick reconnects, no pacing, and a staleness limit no spec reaches unless it wants to.</summary>
    public static MarketDataSettings FastSettings() => MarketDataSettings.Default with
    {
        ReconnectMinBackoff = TimeSpan.FromMilliseconds(50),
        ReconnectMaxBackoff = TimeSpan.FromMilliseconds(400),
        ConflationInterval = TimeSpan.Zero,
        StalenessLimit = TimeSpan.FromMinutes(10),
        OrderBooks = false, // specs that need books turn them on and give a book factory
    };

    public Task StepAsync(int bars = 1) => PostAsync($"_sim/clock/step?bars={bars}");

    public Task DropStreamsAsync() => PostAsync("_sim/streams/drop");

    public Task StallStreamsAsync() => PostAsync("_sim/streams/stall");

    public Task ResumeStreamsAsync() => PostAsync("_sim/streams/resume");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Admin.Dispose();
        await Server.DisposeAsync();
    }

    private async Task PostAsync(string path)
    {
        using var response = await Admin.PostAsync(path, null);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>A Microsoft logger that keeps what it is told.</summary>
internal sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}

/// <summary>A clock standing still at one instant (the simulator's server time in the history specs).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
