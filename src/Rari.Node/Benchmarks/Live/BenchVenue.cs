using Akka.Actor;
using Akka.Configuration;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// The simulator the actor benchmarks talk to (in process, loopback, replay paused so it sends nothing of its own),
/// its REST client, and the actor system they run in (in-memory journal, quiet logs).
/// </summary>
internal sealed class BenchVenue : IAsyncDisposable
{
    private const string SystemConfig = """
        akka.loglevel = ERROR
        akka.stdout-loglevel = ERROR
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private BenchVenue(SimServer server)
    {
        Server = server;
        Rest = AsterRestClient.Create(AsterClientOptions.Mainnet with
        {
            RestBaseUrl = server.BaseAddress,
            WebSocketBaseUrl = server.StreamAddress,
            V1Credentials = server.DemoCredentials!.V1,
        });
    }

    /// <summary>The simulator.</summary>
    public SimServer Server { get; }

    /// <summary>A client of the simulator's demo account.</summary>
    public AsterRestClient Rest { get; }

    /// <summary>Starts the simulator over <paramref name="files"/>, with order handling (a 100,000 USDT demo account) when <paramref name="trading"/>.</summary>
    public static async Task<BenchVenue> StartAsync(IReadOnlyList<string> files, bool trading)
    {
        var options = new SimOptions { DataFiles = files, ReplayMode = ReplayMode.Manual, DemoBalance = 100_000m };
        var server = trading ? new SimServer(options, context => new VenueTradingApi(context)) : new SimServer(options);
        await server.StartAsync();
        return new BenchVenue(server);
    }

    /// <summary>A fresh actor system for one benchmark.</summary>
    public static ActorSystem CreateSystem(string name) => ActorSystem.Create(name, ConfigurationFactory.ParseString(SystemConfig));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Rest.Dispose();
        await Server.DisposeAsync();
    }
}
