using System.Data.Common;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rari.Actors.Settings;

namespace Rari.Actors.Persistence;

/// <summary>
/// The Akka configuration of the journal, the snapshot store and the read journal (Akka.Persistence.Sql over linq2db):
/// <c>hocon/persistence.sqlite.conf</c> or <c>hocon/persistence.postgres.conf</c>, with the connection string of
/// <see cref="PersistenceSettings"/> (SQLite) or of the environment (PostgreSQL), over the plugin's defaults.
/// </summary>
/// <remarks>
/// <para>The PostgreSQL connection string is a secret: it is read only from <see cref="PostgresConnectionVariable"/>,
/// never from a file, and no message of this class repeats it. The returned configuration holds it, so never log it
/// (leave <c>akka.log-config-on-start</c> off).</para>
/// <para>For SQLite, <see cref="Build(PersistenceSettings, string, Func{string, string?})"/> creates the database's
/// folder and switches the database to write-ahead logging (readers such as the read models then never block the
/// journal's writes).</para>
/// <para>The tag layout (<see cref="PersistenceSettings.TagMode"/>) is chosen here: with <see cref="JournalTagMode.Auto"/>
/// the database is asked which layout its journal has (<see cref="JournalLayoutProbe"/>), a new one getting
/// <see cref="JournalTagMode.Csv"/>; the journal and the read journal are set to it together.</para>
/// </remarks>
public static class PersistenceConfig
{
    /// <summary>The environment variable holding the PostgreSQL connection string.</summary>
    public const string PostgresConnectionVariable = "RARI_POSTGRES_CONNECTION";

    /// <summary>The linq2db provider of SQLite (Microsoft.Data.Sqlite).</summary>
    public const string SqliteProviderName = "SQLite.MS";

    /// <summary>The linq2db provider of PostgreSQL (Npgsql; works with later servers too).</summary>
    public const string PostgresProviderName = "PostgreSQL.15";

    /// <summary>The journal plugin's path.</summary>
    public const string JournalPath = "akka.persistence.journal.sql";

    /// <summary>The snapshot store plugin's path.</summary>
    public const string SnapshotStorePath = "akka.persistence.snapshot-store.sql";

    /// <summary>The read journal's path (Persistence.Query: <c>ReadJournalFor&lt;SqlReadJournal&gt;(QueryPath)</c>).</summary>
    public const string QueryPath = "akka.persistence.query.journal.sql";

    /// <summary>The HOCON file of <paramref name="provider"/> in the <c>hocon/</c> folder.</summary>
    public static string FileName(PersistenceProvider provider) => provider switch
    {
        PersistenceProvider.Sqlite => "persistence.sqlite.conf",
        PersistenceProvider.Postgresql => "persistence.postgres.conf",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown persistence provider."),
    };

    /// <summary>Builds the configuration, reading the environment through <paramref name="environment"/>.</summary>
    /// <param name="settings">The <c>rari.persistence</c> block.</param>
    /// <param name="hoconFolder">The folder holding <c>persistence.*.conf</c> (the node's <c>hocon/</c>).</param>
    /// <param name="environment">Looks up an environment variable (<c>Environment.GetEnvironmentVariable</c> in the node).</param>
    /// <exception cref="SettingsException">
    /// The settings are invalid, the SQLite folder cannot be created, or the provider is PostgreSQL and
    /// <see cref="PostgresConnectionVariable"/> is missing or not a connection string; one problem each.
    /// </exception>
    public static Config Build(PersistenceSettings settings, string hoconFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(hoconFolder);
        ArgumentNullException.ThrowIfNull(environment);
        ThrowIfInvalid(settings);
        var (providerName, connectionString, existing) = settings.Provider == PersistenceProvider.Sqlite
            ? PrepareSqlite(settings.SqlitePath, settings.TagMode)
            : PreparePostgres(environment, settings.TagMode);
        var tagMode = JournalLayoutProbe.Resolve(settings.TagMode, existing);
        var file = RariConfig.Load(Path.Combine(hoconFolder, FileName(settings.Provider)));
        return Connection(providerName, connectionString)
            .WithFallback(TagLayout(tagMode))
            .WithFallback(file)
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>The tag layout a configuration built here runs with (its journal's <c>tag-write-mode</c>).</summary>
    public static JournalTagMode TagModeOf(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.GetString(JournalPath + ".tag-write-mode") switch
        {
            "Csv" => JournalTagMode.Csv,
            "TagTable" => JournalTagMode.TagTable,
            var other => throw new ArgumentException($"The journal's tag-write-mode '{other}' is neither Csv nor TagTable.", nameof(config)),
        };
    }

    /// <summary>Builds the configuration, reading the environment from <paramref name="environment"/>.</summary>
    /// <inheritdoc cref="Build(PersistenceSettings, string, Func{string, string?})"/>
    public static Config Build(PersistenceSettings settings, string hoconFolder, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Build(settings, hoconFolder, name => environment.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>
    /// Adds <see cref="Build(PersistenceSettings, string, Func{string, string?})"/>'s configuration to the actor system as a
    /// fallback of what was added before (the node adds <c>rari.conf</c> and the user's file first, so they can tune the
    /// plugins), reading the environment through <paramref name="environment"/>.
    /// </summary>
    /// <exception cref="SettingsException">See <see cref="Build(PersistenceSettings, string, Func{string, string?})"/>.</exception>
    public static AkkaConfigurationBuilder AddRariPersistence(
        this AkkaConfigurationBuilder builder, PersistenceSettings settings, string hoconFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHocon(Build(settings, hoconFolder, environment), HoconAddMode.Append);
    }

    /// <summary>The connection string of the SQLite file at <paramref name="fullPath"/>: pooled, waiting up to 30 s on a locked database.</summary>
    public static string SqliteConnectionString(string fullPath) =>
        new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, DefaultTimeout = 30 }.ToString();

    private static void ThrowIfInvalid(PersistenceSettings settings)
    {
        var reader = new ConfigReader(null, PersistenceSettingsLoader.Path);
        reader.AddValidation(settings.Validate());
        reader.ThrowIfAny();
    }

    // Opens the file once: its folder is created, write-ahead logging switched on and the journal's layout read.
    private static (string Provider, string Connection, JournalTagMode? Existing) PrepareSqlite(string path, JournalTagMode configured)
    {
        var fullPath = Path.GetFullPath(path);
        JournalTagMode? existing;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            using var connection = new SqliteConnection(SqliteConnectionString(fullPath));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
            existing = configured == JournalTagMode.Auto ? JournalLayoutProbe.ExistingLayout(connection, PersistenceProvider.Sqlite) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            throw new SettingsException(
            [
                new SettingsProblem(
                    $"{PersistenceSettingsLoader.Path}.sqlite-path",
                    path,
                    $"the database {fullPath} cannot be opened ({e.Message}); choose a path in a writable folder"),
            ]);
        }

        return (SqliteProviderName, SqliteConnectionString(fullPath), existing);
    }

    private static (string Provider, string Connection, JournalTagMode? Existing) PreparePostgres(Func<string, string?> environment, JournalTagMode configured)
    {
        var connectionString = PostgresConnectionString(environment);
        if (configured != JournalTagMode.Auto)
        {
            return (PostgresProviderName, connectionString, null);
        }

        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return (PostgresProviderName, connectionString, JournalLayoutProbe.ExistingLayout(connection, PersistenceProvider.Postgresql));
        }
        catch (Exception e) when (e is DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Npgsql's messages name the host and the user, never the password.
            throw new SettingsException(
            [
                new SettingsProblem(
                    PostgresConnectionVariable,
                    null,
                    $"the PostgreSQL server cannot be reached to read the journal's tag layout ({e.Message}); start the server or " +
                    $"correct the connection, or set {PersistenceSettingsLoader.Path}.tag-mode to csv or tag-table to start without asking it"),
            ]);
        }
    }

    private static Config TagLayout(JournalTagMode mode)
    {
        var name = mode == JournalTagMode.TagTable ? "TagTable" : "Csv";
        return ConfigurationFactory.ParseString(
            $"""
            {JournalPath}.tag-write-mode = {name}
            {QueryPath}.tag-read-mode = {name}
            """);
    }

    private static string PostgresConnectionString(Func<string, string?> environment)
    {
        var value = environment(PostgresConnectionVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SettingsException(
            [
                new SettingsProblem(
                    PostgresConnectionVariable,
                    null,
                    $"is not set, and {PersistenceSettingsLoader.Path}.provider = postgresql reads the connection string only from this " +
                    "environment variable (it holds a password, so it is never in a file); set it, e.g. " +
                    "Host=db.internal;Port=5432;Database=rari;Username=rari;Password=…"),
            ]);
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // Npgsql's message may quote a fragment of the value, which may hold the password: it is not repeated.
            throw new SettingsException(
            [
                new SettingsProblem(
                    PostgresConnectionVariable,
                    null,
                    "is not a PostgreSQL connection string Npgsql accepts (the value is not shown: it holds a password); " +
                    "write it as Host=…;Port=5432;Database=…;Username=…;Password=…"),
            ]);
        }

        return value;
    }

    private static Config Connection(string providerName, string connectionString)
    {
        var provider = Quote(providerName);
        var connection = Quote(connectionString);
        return ConfigurationFactory.ParseString(
            $$"""
            {{JournalPath}} { provider-name = {{provider}}, connection-string = {{connection}} }
            {{SnapshotStorePath}} { provider-name = {{provider}}, connection-string = {{connection}} }
            {{QueryPath}} { provider-name = {{provider}}, connection-string = {{connection}} }
            """);
    }

    // A HOCON quoted string uses JSON's escapes.
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
