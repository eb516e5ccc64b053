using Rari.Actors.Serialization;

namespace Rari.Actors.Risk;

/// <summary>
/// Stops the risk gate cleanly, after the journal writes in flight: the cluster singleton's termination message and the
/// node's shutdown signal (never a PoisonPill, which could overtake a write's callbacks).
/// </summary>
public sealed record StopRiskGate : IRariMessage
{
    /// <summary>The one instance.</summary>
    public static StopRiskGate Instance { get; } = new();
}
