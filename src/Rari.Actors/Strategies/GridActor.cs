using Akka.Actor;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Strategies;

/// <summary>
/// Runs a grid on one symbol: a <see cref="StrategyActor"/> hosting the Domain <see cref="GridStrategy"/> (strategy id <c>grid</c>), journaled as <c>grid-SYMBOL</c>.
/// </summary>
public sealed class GridActor : StrategyActor
{
    /// <summary>The journal prefix: persistence ids are <c>grid-SYMBOL</c>.</summary>
    public const string PersistenceKind = "grid";

    /// <summary>The actor's Props; its collaborators come in here, never by path.</summary>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    public static Props Props(StrategyActorWiring wiring) => Akka.Actor.Props.Create(() => new GridActor(wiring));

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    public GridActor(StrategyActorWiring wiring)
        : base(PersistenceKind, StrategyKind.Grid, wiring)
    {
    }
}
