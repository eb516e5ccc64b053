using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;

namespace Rari.Actors.Symbols;

/// <summary>
/// The venue facts a symbol trades with, loaded once at start from exchangeInfo, the commission-rate endpoint and the
/// leverage the gateway set: every strategy context is built from it.
/// </summary>
/// <param name="Instrument">Filters (tick, step, min notional...) and brackets.</param>
/// <param name="Leverage">The leverage set on the account for the symbol.</param>
/// <param name="MakerFeeRate">Maker fee rate, e.g. 0.0002.</param>
/// <param name="TakerFeeRate">Taker fee rate, e.g. 0.0004.</param>
public sealed record SymbolSetup(Instrument Instrument, int Leverage, decimal MakerFeeRate, decimal TakerFeeRate)
{
    /// <summary>The symbol.</summary>
    public Symbol Symbol => Instrument.Symbol;
}

/// <summary>The setups of every symbol the node may host, by symbol.</summary>
/// <param name="Symbols">The setups.</param>
public sealed record SymbolCatalog(IReadOnlyDictionary<Symbol, SymbolSetup> Symbols)
{
    /// <summary>The setup of <paramref name="symbol"/>.</summary>
    /// <exception cref="KeyNotFoundException">The symbol is not configured; the message says how to add it.</exception>
    public SymbolSetup this[Symbol symbol] => Symbols.TryGetValue(symbol, out var setup)
        ? setup
        : throw new KeyNotFoundException($"{symbol} is not in the symbol catalog; add it to --symbols (or rari.symbols) so its filters and fees are loaded at start.");
}
