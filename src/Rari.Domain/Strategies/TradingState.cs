namespace Rari.Domain.Strategies;

/// <summary>Whether a symbol (or the whole trader) may open new exposure. Journaled: values are never renumbered.</summary>
public enum TradingState : byte
{
    /// <summary>Normal trading.</summary>
    Active = 1,

    /// <summary>Only orders that reduce exposure: no new entries, exits and profit-taking continue.</summary>
    Reducing = 2,

    /// <summary>No new orders at all (reduce-only orders placed by the risk gate itself excepted).</summary>
    Halted = 3,
}
