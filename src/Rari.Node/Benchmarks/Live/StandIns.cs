using System.Diagnostics;
using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Actors.Risk;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// Stands where the risk gate stands: it answers the supervisors' start-up question, and records every order intent
/// that reaches it — when, and how long after the market event that caused it was fed — then denies it, so the
/// strategy frees the rung and tries again later (without fills a grid would otherwise place its orders once).
/// </summary>
internal sealed class RiskGateStandIn : ReceiveActor
{
    /// <summary>Creates the stand-in.</summary>
    /// <param name="symbols">Where denials go (the symbol router).</param>
    /// <param name="probe">Where arrivals are recorded.</param>
    public RiskGateStandIn(IActorRef symbols, PipelineProbe probe)
    {
        // Market time, as the risk gate keeps it: the latest the supervisors reported. Denials carry it, so the grid's
        // back-off counts from now.
        var nowMs = 0L;
        Receive<GetRiskStatus>(_ => Sender.Tell(new RiskStatus(RiskState.Empty, 100_000m, 0, 0, 0)));
        Receive<SymbolMarketObserved>(observed => nowMs = Math.Max(nowMs, observed.TimestampMs));
        Receive<SymbolMarketsObserved>(batch =>
        {
            foreach (var observed in batch.Readings)
            {
                nowMs = Math.Max(nowMs, observed.TimestampMs);
            }
        });
        Receive<SubmitOrder>(submit =>
        {
            probe.IntentArrived(submit.Symbol, Stopwatch.GetTimestamp());
            var intent = submit.Request.Intent;
            symbols.Tell(new OrderDenied(intent.Symbol, intent.ClientOrderId, "bench: denied so the rung is tried again", nowMs));
        });
        ReceiveAny(_ => { });
    }

    /// <summary>The props.</summary>
    public static Props Props(IActorRef symbols, PipelineProbe probe) => Akka.Actor.Props.Create(() => new RiskGateStandIn(symbols, probe));
}

/// <summary>Stands where the exchange gateway stands: reconciled, flat, 100,000 USDT; everything else is ignored.</summary>
internal sealed class GatewayStandIn : ReceiveActor
{
    /// <summary>Creates the stand-in.</summary>
    public GatewayStandIn()
    {
        Receive<GetGatewayStatus>(_ => Sender.Tell(new GatewayStatus(true, [], new AccountChanged(1, 100_000m, 100_000m, 100_000m, []), 0, 0, 0)));
        ReceiveAny(_ => { });
    }

    /// <summary>The props.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new GatewayStandIn());
}

/// <summary>Takes the place of the pub-sub mediator and of anything whose messages the benchmark does not need.</summary>
internal sealed class Ignoring : ReceiveActor
{
    /// <summary>Creates the actor.</summary>
    public Ignoring() => ReceiveAny(_ => { });

    /// <summary>The props.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new Ignoring());
}
