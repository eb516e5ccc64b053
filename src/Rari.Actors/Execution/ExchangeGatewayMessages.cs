using Rari.Actors.Serialization;

namespace Rari.Actors.Execution;

/// <summary>
/// Stops the exchange gateway cleanly: no new orders from now on, open orders cancelled or left per
/// <c>rari.gateway.open-orders-on-shutdown</c>, the dead-man's switch disarmed, then the actor stops.
/// </summary>
public sealed record StopGateway : IRariMessage
{
    /// <summary>The one instance.</summary>
    public static StopGateway Instance { get; } = new();
}
