using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rari.Actors.Hosting;
using Rari.Node.Logging;
using Serilog;

namespace Rari.Node.Trading;

/// <summary>
/// The generic host both <c>rari run</c> and <c>rari node</c> start: Serilog for every log (Akka's through the logger
/// factory), the actor system under the composed HOCON, and the Rari actors.
/// </summary>
/// <param name="Host">The started host; stop it to stop the actor system.</param>
/// <param name="System">The actor system.</param>
/// <param name="Registry">The registry of the actors' keys.</param>
public sealed record TraderHost(IHost Host, ActorSystem System, ActorRegistry Registry) : IDisposable
{
    /// <summary>The actor system's name, the same on every node of a cluster.</summary>
    public const string SystemName = "rari";

    /// <summary>Builds and starts the host.</summary>
    /// <param name="akka">The composed Akka configuration (a node puts its cluster endpoint in front).</param>
    /// <param name="level">The log level.</param>
    /// <param name="diagnostics">The Serilog logger everything writes to.</param>
    /// <param name="runtime">What the actors run on.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<TraderHost> StartAsync(
        Akka.Configuration.Config akka, Serilog.Events.LogEventLevel level, Serilog.Core.Logger diagnostics, RariRuntime runtime, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(diagnostics);
        builder.Services.AddAkka(SystemName, configure =>
        {
            configure.AddHocon(akka, HoconAddMode.Prepend);
            configure.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = LogLevels.ToAkkaLevel(level);
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            configure.AddRariActors(runtime);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TraderHost(host, host.Services.GetRequiredService<ActorSystem>(), host.Services.GetRequiredService<ActorRegistry>());
    }

    /// <inheritdoc />
    public void Dispose() => Host.Dispose();
}
