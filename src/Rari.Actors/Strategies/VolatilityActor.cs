using Akka.Actor;
using Rari.Actors.Audit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Domain.Strategies;
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
    /// <param name="setup">The symbol's venue facts.</param>
    /// <param name="strategies">The strategies' settings and factory.</param>
    /// <param name="history">Recent closed klines for the warm-up.</param>
    /// <param name="riskGate">Receives the orders to place, as <see cref="Risk.SubmitOrder"/>.</param>
    /// <param name="gateway">Receives cancels and order-sync requests.</param>
    /// <param name="owner">The symbol supervisor: told <see cref="StrategyStarted"/> and <see cref="StrategyFailed"/>.</param>
    /// <param name="audit">Where every order intent is recorded.</param>
    /// <param name="settings">Warm-up, buffer, snapshot and sync settings.</param>
    public static Props Props(
        SymbolSetup setup,
        StrategySet strategies,
        IKlineHistory history,
        IActorRef riskGate,
        IActorRef gateway,
        IActorRef owner,
        IAuditTrail audit,
        StrategyActorSettings settings) =>
        Akka.Actor.Props.Create(() => new VolatilityActor(setup, strategies, history, riskGate, gateway, owner, audit, settings));

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    /// <param name="setup">The symbol's venue facts.</param>
    /// <param name="strategies">The strategies' settings and factory.</param>
    /// <param name="history">Recent closed klines for the warm-up.</param>
    /// <param name="riskGate">Receives the orders to place, as <see cref="Risk.SubmitOrder"/>.</param>
    /// <param name="gateway">Receives cancels and order-sync requests.</param>
    /// <param name="owner">The symbol supervisor.</param>
    /// <param name="audit">Where every order intent is recorded.</param>
    /// <param name="settings">Warm-up, buffer, snapshot and sync settings.</param>
    public VolatilityActor(
        SymbolSetup setup,
        StrategySet strategies,
        IKlineHistory history,
        IActorRef riskGate,
        IActorRef gateway,
        IActorRef owner,
        IAuditTrail audit,
        StrategyActorSettings settings)
        : base(PersistenceKind, StrategyKind.Volatility, setup, strategies, history, riskGate, gateway, owner, audit, settings)
    {
    }
}
