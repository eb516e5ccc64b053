using Microsoft.Extensions.Logging;
using Rari.Actors.Audit;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Aster.Rest;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Hosting;

/// <summary>
/// Everything the actors of a node need from the outside world, gathered by the host before the actor system starts:
/// what to trade and how, the venue's client and streams, the symbol catalog, the audit trail and the clock.
/// </summary>
/// <param name="Mode">The strategy family every symbol runs (<c>rari run &lt;mode&gt;</c>).</param>
/// <param name="Symbols">The traded symbols.</param>
/// <param name="Settings">The checked <c>rari</c> settings.</param>
/// <param name="Catalog">Filters, leverage and fees of every traded symbol, loaded at start.</param>
/// <param name="Rest">The account's REST client (one rate-limit budget for the process).</param>
/// <param name="MarketStreams">Where the market streams are.</param>
/// <param name="UserStream">Where the user data stream is.</param>
/// <param name="Audit">The order audit trail.</param>
/// <param name="Time">The wall clock (timers and staleness only; decisions use exchange time).</param>
/// <param name="LoggerFactory">Where the client and streams log.</param>
/// <param name="Account">The account's name in persistence ids (<c>gateway-{account}</c>).</param>
public sealed record RariRuntime(
    StrategyKind Mode,
    IReadOnlyList<Symbol> Symbols,
    RariSettings Settings,
    SymbolCatalog Catalog,
    AsterRestClient Rest,
    MarketStreamOptions MarketStreams,
    UserStreamOptions UserStream,
    IAuditTrail Audit,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    string Account)
{
    /// <summary>
    /// Whether the symbols' shard region remembers its symbols (in the journal, event-sourced): true on a cluster node,
    /// so that a symbol whose node leaves or dies starts by itself on a survivor. A single node (<c>rari run</c>) starts
    /// its configured symbols itself and remembers nothing, so a symbol dropped from its configuration stays gone.
    /// </summary>
    public bool RememberSymbols { get; init; }
}
