using System.Collections.Immutable;
using Akka.Persistence.Journal;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Actors.Persistence;

/// <summary>
/// Tags every journaled event for the read models (dashboard, ops) that follow them through Persistence.Query
/// (<c>EventsByTag</c>): the family — <see cref="OrderTag"/>, <see cref="RiskTag"/>, <see cref="StrategyTag"/> — and,
/// when the event belongs to one symbol, <c>symbol:BTCUSDT</c>. Bound to the journal in
/// <c>hocon/persistence.*.conf</c> (<c>event-adapter-bindings</c>), so actors never tag.
/// </summary>
/// <remarks>
/// The adapter changes nothing but the envelope: the payload is stored as the event itself, with its own manifest.
/// Risk events are not <see cref="IWithSymbol"/> (most are account-wide); those about one symbol (a symbol halt, a
/// circuit breaker, a flatten) are tagged with it here, and a spec checks that every risk event with a symbol is.
/// </remarks>
public sealed class RariEventTagger : IWriteEventAdapter
{
    /// <summary>The tag of every <see cref="IOrderEvent"/>.</summary>
    public const string OrderTag = "order";

    /// <summary>The tag of every <see cref="IRiskEvent"/>.</summary>
    public const string RiskTag = "risk";

    /// <summary>The tag of every <see cref="IStrategyEvent"/>.</summary>
    public const string StrategyTag = "strategy";

    /// <summary>The prefix of the per-symbol tag: <c>symbol:BTCUSDT</c>.</summary>
    public const string SymbolTagPrefix = "symbol:";

    /// <summary>The per-symbol tag of <paramref name="symbol"/>.</summary>
    public static string SymbolTag(Symbol symbol) => SymbolTagPrefix + symbol.Value;

    /// <summary>The tags of <paramref name="evt"/>: its family and its symbol; empty for anything else.</summary>
    public static ImmutableHashSet<string> TagsOf(object evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var family = evt switch
        {
            IOrderEvent => OrderTag,
            IStrategyEvent => StrategyTag,
            IRiskEvent => RiskTag,
            _ => null,
        };
        var symbol = SymbolOf(evt);
        return (family, symbol) switch
        {
            (null, null) => [],
            (null, { } s) => [SymbolTag(s)],
            ({ } f, null) => [f],
            ({ } f, { } s) => [f, SymbolTag(s)],
        };
    }

    /// <inheritdoc />
    public string Manifest(object evt) => string.Empty;

    /// <inheritdoc />
    public object ToJournal(object evt)
    {
        var tags = TagsOf(evt);
        return tags.IsEmpty ? evt : new Tagged(evt, tags);
    }

    private static Symbol? SymbolOf(object evt) => evt switch
    {
        IWithSymbol withSymbol => withSymbol.Symbol,
        TradingHalted halted => halted.Symbol,
        TradingResumed resumed => resumed.Symbol,
        CircuitBreakerTripped tripped => tripped.Symbol,
        CircuitBreakerReset reset => reset.Symbol,
        FlattenOrdered flatten => flatten.Symbol,
        _ => null,
    };
}
