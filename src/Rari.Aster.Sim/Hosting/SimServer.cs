using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Admin;
using Rari.Aster.Sim.Auth;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Live;
using Rari.Aster.Sim.Market;
using Rari.Aster.Sim.RateLimits;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Sim.Trading;

namespace Rari.Aster.Sim.Hosting;

/// <summary>
/// The Aster-compatible exchange server: Kestrel serving REST (<c>/fapi/…</c>, <c>/api/v3/exchangeInfo</c>),
/// WebSocket streams (<c>/ws</c>, <c>/stream</c>, also under <c>/fstream/</c>) and the admin endpoints
/// (<c>/_sim/…</c>) on one port, over a replay of recorded market data.
/// </summary>
/// <remarks>
/// Build it (which loads accounts, instruments and data and fails fast with a clear message), then
/// <see cref="StartAsync"/>, then <see cref="StopAsync"/> or dispose. Trading endpoints go to the
/// <see cref="ISimTradingApi"/> the factory passed to the constructor builds; without one they answer −1020. A trading
/// engine that is <see cref="IAsyncDisposable"/> is disposed with the server.
/// </remarks>
public sealed class SimServer : IAsyncDisposable
{
    private readonly SimOptions _options;
    private readonly WebApplication _app;
    private readonly ReplayClock _clock;
    private readonly StreamHub _hub;
    private readonly ISimTradingApi _trading;
    private Uri? _baseAddress;
    private bool _started;
    private bool _stopped;

    /// <summary>Builds the server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Where to listen and what to serve.</param>
    /// <param name="tradingFactory">Builds the trading engine from the simulator's context; null refuses trading calls.</param>
    /// <exception cref="InvalidDataException">The accounts, instruments or data files are invalid.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SimServer(SimOptions options, Func<SimContext, ISimTradingApi>? tradingFactory = null)
        : this(options, ReplayOf(options), null, tradingFactory)
    {
    }

    private SimServer(SimOptions options, MarketReplay replay, LiveMarket? live, Func<SimContext, ISimTradingApi>? tradingFactory)
    {
        if (!IPAddress.TryParse(options.BindAddress, out var address))
        {
            throw new ArgumentException($"BindAddress '{options.BindAddress}' is not an IP address.", nameof(options));
        }

        if (options.Port is < 0 or > 65_535)
        {
            throw new ArgumentException($"Port {options.Port} is not a TCP port (0 picks a free one).", nameof(options));
        }

        _options = options;
        var time = options.TimeProvider;

        if (options.AccountsFile is null)
        {
            DemoCredentials = DemoCredentials.Create(balance: options.DemoBalance);
            Accounts = new AccountBook([DemoCredentials.Account]);
        }
        else
        {
            Accounts = new AccountBook(AccountsFile.Load(options.AccountsFile));
        }

        Replay = replay;
        Live = live;
        Faults = new FaultInjector(options.Faults);
        Faults.Apply(options.Faults);
        Requests = new RequestLog(options.RequestLogCapacity);
        var listenKeys = new ListenKeys(time, options.ListenKeyLifetime);
        _hub = new StreamHub(Replay, listenKeys, Faults, time, options.MaxStreamsPerConnection, options.MaxIncomingMessagesPerSecond);
        _clock = new ReplayClock(Replay, time, options.ReplayMode, options.Speed);
        Context = new SimContext(Replay, Accounts, _hub, time) { Live = live };
        var trading = tradingFactory?.Invoke(Context) ?? UnwiredTradingApi.Instance;
        _trading = trading;

        var market = new MarketEndpoints(Replay, live);
        var info = new InfoEndpoints(Replay, market, options.RateLimits, time);
        var routes = SimRoutes.Build(market, info, _hub, listenKeys, trading, time);
        var rest = new RestPipeline(
            routes,
            new Authenticator(Accounts, time, options.ChainId, new NonceLedger()),
            new RateLimiter(options.RateLimits, time),
            Faults,
            Requests,
            time,
            () => Replay.MarketTimeMs);
        var streams = new StreamEndpoint(_hub, options.StreamPingInterval, options.StreamPongTimeout);
        var admin = new AdminEndpoints(Requests, Faults, _hub, Replay, _clock, time, trading as ISimOrderAudit, live is not null);
        _app = BuildApp(address, options.Port, rest, streams, admin);
    }

    /// <summary>The demo account's credentials when no accounts file was given (print them for the user); otherwise null.</summary>
    public DemoCredentials? DemoCredentials { get; }

    /// <summary>The accounts the server knows.</summary>
    public AccountBook Accounts { get; }

    /// <summary>The market replay (symbols, market time, the per-minute bar event).</summary>
    public MarketReplay Replay { get; }

    /// <summary>The upstream the market follows when the server was made with <see cref="CreateLive"/>; null for a replay.</summary>
    public LiveMarket? Live { get; }

    /// <summary>The log behind <c>GET /_sim/requests</c>.</summary>
    public RequestLog Requests { get; }

    /// <summary>Where user-stream events are published.</summary>
    public IUserEventSink UserEvents => _hub;

    /// <summary>Everything a trading engine is wired to.</summary>
    public SimContext Context { get; }

    /// <summary>The REST base address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    /// <exception cref="InvalidOperationException">The server has not been started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The simulator is not started; call StartAsync first.");

    /// <summary>The WebSocket base address, e.g. <c>ws://127.0.0.1:54321/</c>; available once started.</summary>
    public Uri StreamAddress => new UriBuilder(BaseAddress) { Scheme = "ws" }.Uri;

    internal FaultInjector Faults { get; }

    /// <summary>Replays <see cref="SimOptions.HistoryBars"/> at once, starts listening and starts the market clock.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The simulator is already started.");
        }

        _started = true;

        // A live market serves all the upstream's history at once and then follows the upstream's own clock.
        Replay.Step(Live is null ? _options.HistoryBars : Replay.MinuteCount);

        // Paced replay continues from the history's end, not from the data's start.
        _clock.Reanchor();
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseAddress = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        if (Live is null)
        {
            _clock.Start();
        }
        else
        {
            Live.Start(Replay, _hub);
        }
    }

    /// <summary>
    /// Builds a server whose market follows an upstream venue live (<see cref="LiveMarket"/>) instead of replaying files:
    /// its symbols, rules and history are the upstream's, and it starts following at <see cref="StartAsync"/>. The data
    /// files, replay mode, speed and history bars of <paramref name="options"/> do not apply; everything else does. Once
    /// built, the server owns <paramref name="live"/> and disposes it; when this throws, the caller still owns it.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static SimServer CreateLive(SimOptions options, LiveMarket live, Func<SimContext, ISimTradingApi>? tradingFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(live);
        return new SimServer(options with { DataFiles = [], HistoryBars = 0 }, new MarketReplay(live.Symbols), live, tradingFactory);
    }

    /// <summary>Stops the market clock, closes every connection and stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_started || _stopped)
        {
            return;
        }

        _stopped = true;
        await _clock.DisposeAsync().ConfigureAwait(false);
        if (Live is not null)
        {
            await Live.DisposeAsync().ConfigureAwait(false);
        }

        _hub.DropAll();
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (!_started)
        {
            await _clock.DisposeAsync().ConfigureAwait(false);
            if (Live is not null)
            {
                await Live.DisposeAsync().ConfigureAwait(false);
            }
        }

        await _hub.DisposeAsync().ConfigureAwait(false);
        if (_trading is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static MarketReplay ReplayOf(SimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var specs = InstrumentsFile.Load(options.InstrumentsFile).ToDictionary(s => s.Instrument.Symbol);
        var series = SymbolSeries.Load(options.DataFiles);
        return new MarketReplay([.. series.Select((s, i) => new MarketSymbol(specs.GetValueOrDefault(s.Symbol) ?? DerivedInstrument.For(s), s, i))]);
    }

    private static WebApplication BuildApp(IPAddress address, int port, RestPipeline rest, StreamEndpoint streams, AdminEndpoints admin)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/_sim/", StringComparison.Ordinal))
            {
                return admin.HandleAsync(context);
            }

            if (StreamEndpoint.IsStreamPath(path))
            {
                return streams.HandleAsync(context);
            }

            return rest.HandleAsync(context);
        });
        return app;
    }
}
