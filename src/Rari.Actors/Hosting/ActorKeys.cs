namespace Rari.Actors.Hosting;

/// <summary>
/// Marker keys under which the node registers its actors in Akka.Hosting's <c>ActorRegistry</c>; collaborators are
/// handed these references through <c>Props</c>, never looked up by path.
/// </summary>
public static class ActorKeys
{
    /// <summary>The risk gate (a cluster singleton proxy in a cluster, the actor itself on one node).</summary>
    public sealed class RiskGate
    {
        private RiskGate()
        {
        }
    }

    /// <summary>The exchange gateway of the account (a cluster singleton proxy, or the actor itself).</summary>
    public sealed class ExchangeGateway
    {
        private ExchangeGateway()
        {
        }
    }

    /// <summary>The shard region of the symbol supervisors (shard type name <c>"symbols"</c>).</summary>
    public sealed class Symbols
    {
        private Symbols()
        {
        }
    }

    /// <summary>The node's market-data stream.</summary>
    public sealed class MarketDataStream
    {
        private MarketDataStream()
        {
        }
    }
}
