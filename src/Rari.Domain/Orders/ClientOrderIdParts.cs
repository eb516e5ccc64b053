using Rari.Domain.Identifiers;

namespace Rari.Domain.Orders;

/// <summary>What a client order id made by <see cref="ClientOrderIdFactory"/> says about its order.</summary>
/// <param name="Prefix">The factory prefix the id starts with.</param>
/// <param name="StrategyId">The strategy that made the order.</param>
/// <param name="SymbolTag">The symbol, or its shortened form <c>HEAD.CSUM</c> when the symbol was too long to fit.</param>
/// <param name="Sequence">The strategy's sequence number for the order.</param>
public readonly record struct ClientOrderIdParts(string Prefix, StrategyId StrategyId, string SymbolTag, long Sequence)
{
    /// <summary>True when the symbol was too long and <see cref="SymbolTag"/> holds only its short form.</summary>
    public bool IsShortened => SymbolTag?.Contains('.', StringComparison.Ordinal) ?? false;

    /// <summary>The symbol, or null when the tag is shortened (use <see cref="IsFor"/> with the report's symbol then).</summary>
    public Symbol? Symbol => IsShortened || SymbolTag is null ? null : new Symbol(SymbolTag);

    /// <summary>True when the id was made for <paramref name="symbol"/>, shortened or not.</summary>
    public bool IsFor(Symbol symbol) =>
        symbol.Value is not null
        && SymbolTag is not null
        && string.Equals(
            ClientOrderIdFactory.SymbolTag(Prefix, StrategyId.Value, symbol.Value, ClientOrderIdFactory.FormatSequence(Sequence)),
            SymbolTag,
            StringComparison.Ordinal);
}
