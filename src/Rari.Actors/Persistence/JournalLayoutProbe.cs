using System.Data.Common;

namespace Rari.Actors.Persistence;

/// <summary>
/// Reads which tag layout an existing journal was created with, so that <see cref="JournalTagMode.Auto"/> keeps it:
/// Akka.Persistence.Sql's CSV layout has a <c>tags</c> column in the <c>journal</c> table, the tag-table layout has not.
/// </summary>
public static class JournalLayoutProbe
{
    /// <summary>The journal table's name (Akka.Persistence.Sql's default table mapping, used by both hocon files).</summary>
    public const string JournalTable = "journal";

    /// <summary>The column holding the tags in the CSV layout.</summary>
    public const string TagsColumn = "tags";

    /// <summary>
    /// The layout of the journal behind <paramref name="connection"/> (open), or null when it has no journal table yet.
    /// </summary>
    /// <param name="connection">An open connection to the journal's database.</param>
    /// <param name="provider">Which database it is: the catalog query differs.</param>
    public static JournalTagMode? ExistingLayout(DbConnection connection, PersistenceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = provider switch
        {
            PersistenceProvider.Sqlite => $"SELECT name FROM pragma_table_info('{JournalTable}')",
            PersistenceProvider.Postgresql =>
                $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{JournalTable}'",
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown persistence provider."),
        };
        using var reader = command.ExecuteReader();
        var columns = 0;
        var hasTags = false;
        while (reader.Read())
        {
            columns++;
            hasTags |= string.Equals(reader.GetString(0), TagsColumn, StringComparison.OrdinalIgnoreCase);
        }

        return columns == 0 ? null : hasTags ? JournalTagMode.Csv : JournalTagMode.TagTable;
    }

    /// <summary>The mode to run with: <paramref name="configured"/>, or for <see cref="JournalTagMode.Auto"/> the existing layout (CSV when none).</summary>
    public static JournalTagMode Resolve(JournalTagMode configured, JournalTagMode? existing) =>
        configured != JournalTagMode.Auto ? configured : existing ?? JournalTagMode.Csv;
}
