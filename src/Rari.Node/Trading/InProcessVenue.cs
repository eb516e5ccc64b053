using Microsoft.Extensions.Logging;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Live;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;

namespace Rari.Node.Trading;

/// <summary>
/// The simulated exchange started inside the trader's process for <c>rari run --test</c>: a real Kestrel server on a
/// free loopback port, replaying recorded data or following Aster's live market (<c>--market live</c>), with one demo account whose throwaway keys the trader then uses —
/// so test mode exercises the real client over real HTTP and WebSocket.
/// </summary>
public sealed class InProcessVenue : IAsyncDisposable
{
    private readonly SimServer _server;

    private InProcessVenue(SimServer server) => _server = server;

    /// <summary>The REST base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The WebSocket base address.</summary>
    public Uri StreamAddress => _server.StreamAddress;

    /// <summary>The demo account's V3 credentials (Aster issues no new V1 keys, so test mode signs as live does).</summary>
    public V3Credentials Credentials { get; private set; } = null!;

    /// <summary>The simulator itself (admin and audit, for tests).</summary>
    public SimServer Server => _server;

    /// <summary>Starts a simulator over <paramref name="dataFiles"/>, history replayed first, then paced at <paramref name="speed"/>.</summary>
    /// <exception cref="InvalidDataException">A data file is malformed.</exception>
    public static async Task<InProcessVenue> StartAsync(IReadOnlyList<string> dataFiles, double speed, int historyBars, CancellationToken cancellationToken)
    {
        var options = new SimOptions
        {
            DataFiles = dataFiles,
            ReplayMode = ReplayMode.Paced,
            Speed = speed,
            HistoryBars = historyBars,
        };
        return await StartAsync(new SimServer(options, context => new VenueTradingApi(context)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a simulator whose market follows <paramref name="market"/>'s upstream live (paper fills on its prices),
    /// with the same demo account as a replay.
    /// </summary>
    /// <exception cref="ArgumentException">The options are unusable.</exception>
    /// <exception cref="InvalidDataException">The upstream does not list a symbol or has no history for it.</exception>
    /// <exception cref="HttpRequestException">The upstream cannot be reached.</exception>
    public static async Task<InProcessVenue> StartLiveAsync(LiveMarketOptions market, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var live = await LiveMarket.ConnectAsync(market, loggerFactory, cancellationToken).ConfigureAwait(false);
        SimServer server;
        try
        {
            server = SimServer.CreateLive(new SimOptions(), live, context => new VenueTradingApi(context));
        }
        catch
        {
            await live.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return await StartAsync(server, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task<InProcessVenue> StartAsync(SimServer server, CancellationToken cancellationToken)
    {
        var venue = new InProcessVenue(server);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            var demo = server.DemoCredentials ?? throw new InvalidOperationException("The in-process simulator made no demo account.");
            venue.Credentials = new V3Credentials(demo.User, EthPrivateKey.Parse(demo.PrivateKeyHex));
            return venue;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
