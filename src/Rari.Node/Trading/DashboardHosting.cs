using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Rari.Actors.Audit;
using Rari.Actors.Settings;
using Rari.Dashboard.Hosting;
using Rari.Dashboard.ReadModel;
using Rari.Domain.Identifiers;

namespace Rari.Node.Trading;

/// <summary>
/// The node's side of the dashboard (issue #8), in three steps any node command can take: <see cref="Prepare"/> with the
/// rest of the configuration (a bad setting stops start-up with the others), <see cref="Wrap"/> the audit trail handed
/// to the actors so that order steps also reach the activity feed, and <see cref="StartAsync"/> once the actor system
/// runs.
/// </summary>
public sealed class DashboardHosting
{
    private readonly DashboardPlan _plan;
    private readonly DashboardFeed _feed;

    private DashboardHosting(DashboardPlan plan)
    {
        _plan = plan;
        _feed = new DashboardFeed(plan.Settings.ActivitySize);
    }

    /// <summary>
    /// Checks the dashboard's settings (the composed <paramref name="configuration"/> holds <c>rari.dashboard</c> and
    /// <c>rari.alerts</c>; <paramref name="bind"/> and <paramref name="port"/> are the command line's overrides). Returns
    /// null when the dashboard is off or a problem was found (then <paramref name="problems"/> says what).
    /// </summary>
    public static DashboardHosting? Prepare(
        bool wanted, Akka.Configuration.Config configuration, string? bind, int? port, Func<string, string?> environment, out IReadOnlyList<string> problems)
    {
        problems = [];
        if (!wanted)
        {
            return null;
        }

        var plan = DashboardPlan.Create(configuration, bind, port, environment, out problems);
        return plan is { Settings.Enabled: true } ? new DashboardHosting(plan) : null;
    }

    /// <summary>The audit trail to give the actors: <paramref name="audit"/> first, then the activity feed.</summary>
    public IAuditTrail Wrap(IAuditTrail audit) => new FeedingAuditTrail(audit, _feed);

    /// <summary>Starts the read model, the alerts and the web server on the running actor system.</summary>
    /// <exception cref="IOException">The address cannot be bound.</exception>
    public Task<DashboardHost> StartAsync(
        string mode, IReadOnlyList<Symbol> symbols, RariSettings settings, ActorSystem system, ActorRegistry registry, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DashboardHost.StartAsync(
            new DashboardStart(_plan, _feed, mode, symbols, settings.Risk.Settings, system, registry, loggerFactory, TimeProvider.System),
            cancellationToken);
    }

    /// <summary>Where the dashboard will listen, for messages before it does.</summary>
    public string Listening => $"{_plan.Settings.Bind}:{_plan.Settings.Port}";
}
