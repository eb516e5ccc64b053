using Akka.Configuration;
using Rari.Actors.Persistence;
using Rari.Actors.Settings;
using Rari.Aster.Sim.Live;
using Rari.Node.Configuration;
using Rari.Node.Logging;
using Serilog.Events;

namespace Rari.Node.Trading;

/// <summary>
/// The composed configuration of a <c>rari run</c>: the whole HOCON tree Akka starts with, the trader's checked
/// settings, the log level and where state lives.
/// </summary>
/// <remarks>
/// Precedence, highest first (conventions §6): <c>--set</c> → <c>--config FILE</c> → <c>rari.conf</c> →
/// <c>persistence.&lt;db&gt;.conf</c> with the connection from the environment → <c>cluster.conf</c> →
/// <c>akka.conf</c>; LOG_LEVEL sets <c>akka.loglevel</c> over all of them.
/// </remarks>
/// <param name="Akka">Everything the actor system reads.</param>
/// <param name="Rari">The trader's settings.</param>
/// <param name="LogLevel">The level every log uses.</param>
/// <param name="StateDirectory">The folder of the SQLite journal and the V3 nonce file.</param>
/// <param name="JournalDescription">Where the journal is, for the banner (never a connection secret).</param>
public sealed record TraderConfiguration(Config Akka, RariSettings Rari, LogEventLevel LogLevel, string StateDirectory, string JournalDescription)
{
    /// <summary>The upstream <c>--market live</c> follows (<c>rari.live-market</c>), without symbols.</summary>
    public LiveMarketOptions LiveMarket { get; init; } = new();

    /// <summary>
    /// Reads LOG_LEVEL and the configuration as <see cref="Load"/> does; on a problem, writes each one to
    /// <paramref name="error"/> after <paramref name="prefix"/> (e.g. <c>rari run: </c>) and returns null.
    /// </summary>
    public static async Task<TraderConfiguration?> LoadOrReportAsync(RunRequest request, Func<string, string?> environment, TextWriter error, string prefix)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Load(request, LogLevels.Parse(environment(LogLevels.Variable)), environment);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(prefix + e.Message).ConfigureAwait(false);
        }
        catch (SettingsException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync(prefix + problem).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Reads the files and the overrides and checks every block at once.</summary>
    /// <exception cref="SettingsException">One problem per bad key or file.</exception>
    /// <exception cref="ArgumentException">An override is malformed.</exception>
    public static TraderConfiguration Load(RunRequest request, LogEventLevel level, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        var referencePath = ConfigFiles.ReferencePath();
        var folder = Path.GetDirectoryName(referencePath)!;
        var reference = RariConfig.Load(referencePath);
        if (request.Test)
        {
            // The simulator counts Aster's countdown cancel-all on its replay clock, which runs many times faster than
            // the wall clock the gateway re-arms it by: armed, it would cancel every order between two re-arms. Test
            // mode starts with the switch off; a user file or --set may still turn it on.
            reference = ConfigurationFactory.ParseString("rari.gateway.dead-mans-switch = off").WithFallback(reference);
        }

        var user = request.ConfigFile is { } file ? RariConfig.Load(file) : null;
        var overrides = new List<ConfigOverride>();
        foreach (var text in request.Sets)
        {
            overrides.Add(ConfigOverride.Parse(text));
        }

        if (request.StateDirectory is { } stateOverride)
        {
            overrides.Add(new ConfigOverride("rari.persistence.sqlite-path", Path.Combine(stateOverride, "rari.db")));
        }

        var rariTree = RariConfig.Compose(reference, user, overrides);
        var rari = RariSettingsLoader.Create(rariTree);
        var liveMarket = LiveMarketSettingsLoader.Create(rariTree);
        var persistence = rari.Persistence;
        var persistenceConfig = PersistenceConfig.Build(persistence, folder, environment);
        var stateDirectory = persistence.Provider == PersistenceProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(persistence.SqlitePath)) ?? "."
            : Path.GetFullPath(request.StateDirectory ?? "state");
        Directory.CreateDirectory(stateDirectory);

        var akka = ConfigurationFactory.ParseString($"akka.loglevel = {LogLevels.ToAkka(level)}")
            .WithFallback(rariTree)
            .WithFallback(persistenceConfig)
            .WithFallback(RariConfig.Load(Path.Combine(folder, "cluster.conf")))
            .WithFallback(RariConfig.Load(Path.Combine(folder, "akka.conf")));
        var journal = persistence.Provider == PersistenceProvider.Sqlite
            ? "SQLite " + Path.GetFullPath(persistence.SqlitePath)
            : "PostgreSQL (connection from RARI_POSTGRES_CONNECTION)";
        return new TraderConfiguration(akka, rari, level, stateDirectory, journal) { LiveMarket = liveMarket };
    }
}
