using Akka.Actor;
using Rari.Actors.Audit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Domain.Strategies;
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
        Akka.Actor.Props.Create(() => new RegimeArbiter(setup, strategies, history, riskGate, gateway, owner, audit, settings));

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    /// <param name="setup">The symbol's venue facts.</param>
    /// <param name="strategies">The strategies' settings and factory.</param>
    /// <param name="history">Recent closed klines for the warm-up.</param>
    /// <param name="riskGate">Receives the orders to place, as <see cref="Risk.SubmitOrder"/>.</param>
    /// <param name="gateway">Receives cancels and order-sync requests.</param>
    /// <param name="owner">The symbol supervisor.</param>
    /// <param name="audit">Where every order intent is recorded.</param>
    /// <param name="settings">Warm-up, buffer, snapshot and sync settings.</param>
    public RegimeArbiter(
        SymbolSetup setup,
        StrategySet strategies,
        IKlineHistory history,
        IActorRef riskGate,
        IActorRef gateway,
        IActorRef owner,
        IAuditTrail audit,
        StrategyActorSettings settings)
        : base(PersistenceKind, StrategyKind.Hybrid, setup, strategies, history, riskGate, gateway, owner, audit, settings)
    {
    }
}
