namespace Rari.Domain.Strategies.Hybrid;

/// <summary>Which of the hybrid's children. Journaled: values are never renumbered.</summary>
public enum HybridLeg : byte
{
    /// <summary>Neither child.</summary>
    None = 1,

    /// <summary>The grid strategy (ranging markets).</summary>
    Grid = 2,

    /// <summary>The volatility strategy (trending markets).</summary>
    Volatility = 3,
}

/// <summary>Where the hybrid is in its switching protocol. Journaled: values are never renumbered.</summary>
public enum HybridPhase : byte
{
    /// <summary>No regime yet; no child trades.</summary>
    Idle = 1,

    /// <summary>The active child (if any) trades.</summary>
    Running = 2,

    /// <summary>A switch began: the outgoing child's orders are being cancelled; no child trades.</summary>
    Draining = 3,

    /// <summary>The outgoing position is being closed at market; no child trades.</summary>
    Closing = 4,
}
