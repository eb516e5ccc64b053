namespace Rari.Actors.Persistence;

/// <summary>
/// Where the journal keeps each event's tags (<c>rari.persistence.tag-mode</c>, written in kebab case: <c>auto</c>,
/// <c>csv</c>, <c>tag-table</c>). Akka.Persistence.Sql's two layouts differ in their tables, so a journal is read and
/// written in the layout it was created with.
/// </summary>
/// <remarks>
/// Measured with <c>rari bench --only journal</c> (docs/performance.md): a tagged event in the tag-table layout is one
/// <c>INSERT … RETURNING</c> round trip (its tag rows need its ordering), while the CSV layout writes a whole batch in
/// one statement — several times the events per second, most of all on PostgreSQL.
/// </remarks>
public enum JournalTagMode : byte
{
    /// <summary>The layout the database already has; a new database gets <see cref="Csv"/>.</summary>
    Auto = 0,

    /// <summary>Tags in a column of the journal row (<c>;order;symbol:BTCUSDT;</c>): batched writes; tag queries filter rows.</summary>
    Csv = 1,

    /// <summary>Tags in their own indexed table: tag queries read only their events; one round trip per tagged event written.</summary>
    TagTable = 2,
}
