namespace Rari.Domain.Identifiers;

/// <summary>
/// A message that belongs to one symbol. The sharding extractor and the market-data router route on
/// <see cref="Symbol"/> and nothing else.
/// </summary>
public interface IWithSymbol
{
    /// <summary>The symbol this message belongs to.</summary>
    Symbol Symbol { get; }
}
