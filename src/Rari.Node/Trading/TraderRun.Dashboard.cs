using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Rari.Dashboard.Hosting;
using Rari.Domain.Identifiers;

namespace Rari.Node.Trading;

// The dashboard's start inside `rari run`: after the actor system, before the banner that prints its URL.
public sealed partial class TraderRun
{
    private async Task<DashboardHost?> StartDashboardAsync(
        DashboardHosting? dashboard,
        TraderConfiguration configuration,
        IReadOnlyList<Symbol> symbols,
        ActorSystem system,
        ActorRegistry registry,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (dashboard is null)
        {
            return null;
        }

        try
        {
            return await dashboard.StartAsync(_request.Mode.ToString().ToLowerInvariant(), symbols, configuration.Rari, system, registry, loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await _error.WriteLineAsync($"rari run: the dashboard cannot listen on {dashboard.Listening}: {e.Message}. Choose another --dashboard-port, or start with --no-dashboard.").ConfigureAwait(false);
            return null;
        }
    }
}
