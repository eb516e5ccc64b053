using Akka.Actor;
using Rari.Actors.Audit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Domain.Strategies;

namespace Rari.Actors.Strategies;

/// <summary>What every strategy actor is built with: the symbol's venue facts, its settings and its collaborators.</summary>
/// <param name="Setup">The symbol's venue facts.</param>
/// <param name="Strategies">The strategies' settings and factory.</param>
/// <param name="History">Recent closed klines for the warm-up.</param>
/// <param name="RiskGate">Receives the orders to place, as <see cref="Risk.SubmitOrder"/>.</param>
/// <param name="Gateway">Receives cancels and order-sync requests (<see cref="Execution.GetOrderReports"/>).</param>
/// <param name="Owner">The symbol supervisor: told <see cref="StrategyStarted"/> and <see cref="StrategyFailed"/>.</param>
/// <param name="Audit">Where every order intent is recorded.</param>
/// <param name="Settings">Warm-up, buffer, snapshot and sync settings.</param>
public sealed record StrategyActorWiring(
    SymbolSetup Setup,
    StrategySet Strategies,
    IKlineHistory History,
    IActorRef RiskGate,
    IActorRef Gateway,
    IActorRef Owner,
    IAuditTrail Audit,
    StrategyActorSettings Settings);
