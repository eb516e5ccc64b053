using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Rari.Actors.Hosting;
using Rari.Dashboard.Alerts;
using Rari.Dashboard.ReadModel;
using Rari.Dashboard.Web;
using Rari.Domain.Identifiers;
using Rari.Domain.Risk;

namespace Rari.Dashboard.Hosting;

/// <summary>What a node hands the dashboard once its actor system runs.</summary>
/// <param name="Plan">The checked settings and tokens.</param>
/// <param name="Feed">The feed the node's audit trail already writes to (see <see cref="FeedingAuditTrail"/>).</param>
/// <param name="Mode">The strategy family, for the overview.</param>
/// <param name="Symbols">The traded symbols.</param>
/// <param name="Risk">The risk gate's limits.</param>
/// <param name="System">The running actor system.</param>
/// <param name="Registry">Its registry (risk gate, gateway, symbols).</param>
/// <param name="LoggerFactory">Where the dashboard and the alerts log.</param>
/// <param name="Time">The wall clock.</param>
public sealed record DashboardStart(
    DashboardPlan Plan,
    DashboardFeed Feed,
    string Mode,
    IReadOnlyList<Symbol> Symbols,
    RiskSettings Risk,
    ActorSystem System,
    ActorRegistry Registry,
    ILoggerFactory LoggerFactory,
    TimeProvider Time);

/// <summary>
/// The dashboard of one node, running: the read model actor, the alert dispatcher and the web server. One entry for
/// every host (<c>rari run</c>, <c>rari node</c>, tests): <see cref="StartAsync"/>, then dispose to stop.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _readModel;
    private readonly AlertDispatcher _alerts;
    private readonly HttpClient _http;
    private readonly DashboardServer _server;
    private readonly string _token;

    private DashboardHost(ActorSystem system, IActorRef readModel, AlertDispatcher alerts, HttpClient http, DashboardServer server, string token)
    {
        _system = system;
        _readModel = readModel;
        _alerts = alerts;
        _http = http;
        _server = server;
        _token = token;
    }

    /// <summary>The address the dashboard listens on.</summary>
    public Uri Address => _server.Address;

    /// <summary>The address with the token, to print once at start (it holds the secret).</summary>
    public Uri UrlWithToken => new(_server.Address, "?token=" + Uri.EscapeDataString(_token));

    /// <summary>The alert dispatcher (its delivery counters).</summary>
    public AlertDispatcher Alerts => _alerts;

    /// <summary>Starts the read model, the alert dispatcher and the web server.</summary>
    /// <exception cref="IOException">The address cannot be bound (the port is taken).</exception>
    public static async Task<DashboardHost> StartAsync(DashboardStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var plan = start.Plan;
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // each delivery has its own timeout
        var alerts = new AlertDispatcher(plan.Alerts, plan.Webhooks, http, start.Time, start.LoggerFactory.CreateLogger("rari.alerts"));
        var riskGate = start.Registry.Get<ActorKeys.RiskGate>();
        var wiring = new ReadModelWiring(
            start.Mode,
            start.Symbols,
            start.Risk,
            plan.Settings,
            plan.Alerts,
            DistributedPubSub.Get(start.System).Mediator,
            riskGate,
            start.Registry.Get<ActorKeys.ExchangeGateway>(),
            start.Registry.Get<ActorKeys.Symbols>(),
            start.Feed,
            alerts.Post,
            start.Time);
        var readModel = start.System.ActorOf(DashboardReadModel.Props(wiring), "dashboard-read-model");
        try
        {
            var server = await DashboardServer.StartAsync(
                new DashboardServerWiring(plan.Settings, plan.Access, start.Feed, riskGate, start.Symbols, start.LoggerFactory, start.Time),
                cancellationToken).ConfigureAwait(false);
            return new DashboardHost(start.System, readModel, alerts, http, server, plan.Access.Token);
        }
        catch
        {
            start.System.Stop(readModel);
            await alerts.DisposeAsync().ConfigureAwait(false);
            http.Dispose();
            throw;
        }
    }

    /// <summary>Stops the web server, the read model and (after a last chance to send) the alerts.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        if (!_system.WhenTerminated.IsCompleted)
        {
            _system.Stop(_readModel);
        }

        await _alerts.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
