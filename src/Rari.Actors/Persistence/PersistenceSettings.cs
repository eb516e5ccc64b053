using System.Globalization;

namespace Rari.Actors.Persistence;

/// <summary>Which database holds the journal and the snapshots. Written in HOCON in kebab case (<c>sqlite</c>, <c>postgresql</c>).</summary>
public enum PersistenceProvider : byte
{
    /// <summary>A local SQLite file (one node): <c>rari.persistence.sqlite-path</c>.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL server (a cluster): the connection string comes from <c>RARI_POSTGRES_CONNECTION</c> only.</summary>
    Postgresql = 2,
}

/// <summary>
/// Where and how the persistent actors journal (HOCON block <c>rari.persistence</c>). The PostgreSQL connection string
/// is a secret and is not a setting: it is read from the environment by <see cref="PersistenceConfig.Build(PersistenceSettings, string, Func{string, string?})"/>.
/// </summary>
public sealed record PersistenceSettings
{
    /// <summary>The defaults: a SQLite file at <c>state/rari.db</c>.</summary>
    public static PersistenceSettings Default { get; } = new();

    /// <summary>SQLite (the default) or PostgreSQL.</summary>
    public PersistenceProvider Provider { get; init; } = PersistenceProvider.Sqlite;

    /// <summary>
    /// The SQLite database file, absolute or relative to the working directory; its directory is created at start.
    /// Default <c>state/rari.db</c>. Ignored for PostgreSQL.
    /// </summary>
    public string SqlitePath { get; init; } = "state/rari.db";

    /// <summary>
    /// Where the journal keeps event tags: <see cref="JournalTagMode.Auto"/> (the default) keeps an existing journal's
    /// layout and creates a new one with <see cref="JournalTagMode.Csv"/>.
    /// </summary>
    public JournalTagMode TagMode { get; init; } = JournalTagMode.Auto;

    /// <summary>Every problem, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"provider = {Provider}: must be sqlite or postgresql"));
        }

        if (!Enum.IsDefined(TagMode))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"tag-mode = {TagMode}: must be auto, csv or tag-table"));
        }

        if (string.IsNullOrWhiteSpace(SqlitePath))
        {
            errors.Add($"sqlite-path = {SqlitePath}: must be a file path such as state/rari.db");
        }
        else if (SqlitePath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0 || SqlitePath.EndsWith('/') || SqlitePath.EndsWith('\\'))
        {
            errors.Add($"sqlite-path = {SqlitePath}: must be a file path such as state/rari.db, not a folder or a name with invalid characters");
        }

        return errors;
    }
}
