using System.Net;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rari.Dashboard.Access;
using Rari.Dashboard.ReadModel;
using Rari.Dashboard.Settings;
using Rari.Domain.Identifiers;

namespace Rari.Dashboard.Web;

/// <summary>What the web server needs: where to listen, the tokens, the feed, the risk gate for controls.</summary>
/// <param name="Settings">Bind address and port.</param>
/// <param name="Access">The tokens.</param>
/// <param name="Feed">The live snapshot and activity.</param>
/// <param name="RiskGate">Where controls go.</param>
/// <param name="Symbols">The traded symbols (a control naming another is refused).</param>
/// <param name="LoggerFactory">Where the server logs.</param>
/// <param name="Time">The wall clock.</param>
public sealed record DashboardServerWiring(
    DashboardSettings Settings,
    DashboardAccess Access,
    DashboardFeed Feed,
    IActorRef RiskGate,
    IReadOnlyList<Symbol> Symbols,
    ILoggerFactory LoggerFactory,
    TimeProvider Time);

/// <summary>The dashboard's Kestrel server, in the trader's process, on its own host (the trader's host is untouched).</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address it listens on, e.g. http://127.0.0.1:8501/ (the port resolved when 0 was asked).</summary>
    public Uri Address { get; }

    /// <summary>Starts listening.</summary>
    /// <exception cref="IOException">The address is taken or cannot be bound.</exception>
    public static async Task<DashboardServer> StartAsync(DashboardServerWiring wiring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(wiring.LoggerFactory);
        var address = string.Equals(wiring.Settings.Bind, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(wiring.Settings.Bind);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, wiring.Settings.Port));
        var app = builder.Build();
        DashboardEndpoints.Map(app, wiring);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
