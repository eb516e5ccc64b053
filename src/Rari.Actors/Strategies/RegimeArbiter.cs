using Akka.Actor;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Strategies;

/// <summary>
/// Runs the hybrid strategy on one symbol: a <see cref="StrategyActor"/> hosting the Domain <see cref="HybridStrategy"/> (strategy id <c>hybrid</c>), which owns a grid (<c>hgrid</c>) and a volatility strategy (<c>hvol</c>) and switches between them by market regime, journaled as <c>hybrid-SYMBOL</c>.
/// </summary>
/// <remarks>
/// One persistent actor hosts the whole hybrid, so a regime switch (cancelling the outgoing child's orders, handing its
/// inventory to the incoming one or closing it) is one journaled decision: a crash can never leave half a switch. The
/// symbol supervisor routes the order events of <c>hybrid</c>, <c>hgrid</c> and <c>hvol</c> orders here.
/// </remarks>
public sealed class RegimeArbiter : StrategyActor
{
    /// <summary>The journal prefix: persistence ids are <c>hybrid-SYMBOL</c>.</summary>
    public const string PersistenceKind = "hybrid";

    /// <summary>The actor's Props; its collaborators come in here, never by path.</summary>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    public static Props Props(StrategyActorWiring wiring) => Akka.Actor.Props.Create(() => new RegimeArbiter(wiring));

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    public RegimeArbiter(StrategyActorWiring wiring)
        : base(PersistenceKind, StrategyKind.Hybrid, wiring)
    {
    }
}
