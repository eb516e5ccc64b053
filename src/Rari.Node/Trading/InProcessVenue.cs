using Rari.Aster.Signing;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;

namespace Rari.Node.Trading;

/// <summary>
/// The simulated exchange started inside the trader's process for <c>rari run --test</c>: a real Kestrel server on a
/// free loopback port, replaying recorded data, with one demo account whose throwaway keys the trader then uses —
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
        var server = new SimServer(options, context => new VenueTradingApi(context));
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

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
