using Akka.Actor;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Strategies;

/// <summary>
/// Runs the volatility strategy (breakout and mean-reversion entries with stops) on one symbol: a <see cref="StrategyActor"/> hosting the Domain <see cref="VolatilityStrategy"/> (strategy id <c>vol</c>), journaled as <c>volatility-SYMBOL</c>.
/// </summary>
public sealed class VolatilityActor : StrategyActor
{
    /// <summary>The journal prefix: persistence ids are <c>volatility-SYMBOL</c>.</summary>
    public const string PersistenceKind = "volatility";

    /// <summary>The actor's Props; its collaborators come in here, never by path.</summary>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    public static Props Props(StrategyActorWiring wiring) => Akka.Actor.Props.Create(() => new VolatilityActor(wiring));

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    public VolatilityActor(StrategyActorWiring wiring)
        : base(PersistenceKind, StrategyKind.Volatility, wiring)
    {
    }
}
