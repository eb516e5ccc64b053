using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Symbols;

/// <summary>
/// Starts (or keeps alive) the supervisor of <paramref name="Symbol"/>: sent by the node for every configured symbol at
/// start, and by remembered entities after a shard moves. Idempotent.
/// </summary>
/// <param name="Symbol">The symbol to trade.</param>
public sealed record StartSymbol(Symbol Symbol) : IWithSymbol, IRariMessage;

/// <summary>Asks a symbol's supervisor how it is doing; answered with <see cref="SymbolStatus"/>.</summary>
/// <param name="Symbol">The symbol.</param>
public sealed record GetSymbolStatus(Symbol Symbol) : IWithSymbol, IRariMessage;

/// <summary>A symbol's state as its supervisor sees it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Mode">Which strategy family runs it (grid, volatility or hybrid).</param>
/// <param name="TradingState">The effective trading state (the stricter of the risk gate's and the data's).</param>
/// <param name="IsStale">Whether its market data is stale now.</param>
/// <param name="Failures">How many times a strategy child failed within the current window.</param>
/// <param name="IsHalted">Whether repeated failures halted the symbol.</param>
/// <param name="OpenOrders">The client order ids its strategy holds as possibly open.</param>
/// <param name="Detail">A short human-readable note (active regime, last refusal, why halted).</param>
/// <param name="Grid">The grid's levels and rungs while a grid trades the symbol (in hybrid mode, while the grid leg is
/// active); null otherwise.</param>
/// <param name="LastPrice">The latest mark (or close) its strategy saw; null before the first.</param>
public sealed record SymbolStatus(
    Symbol Symbol,
    StrategyKind Mode,
    TradingState TradingState,
    bool IsStale,
    int Failures,
    bool IsHalted,
    IReadOnlyList<ClientOrderId> OpenOrders,
    string Detail,
    GridLadder? Grid = null,
    decimal? LastPrice = null) : IWithSymbol, IRariMessage;
