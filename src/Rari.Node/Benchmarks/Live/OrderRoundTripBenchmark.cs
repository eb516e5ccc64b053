using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using HdrHistogram;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Risk;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Aster.Streams;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// The order round trip: an order intent (<see cref="SubmitOrder"/>) to the real <see cref="RiskGate"/>, approved to the
/// real <see cref="ExchangeGateway"/>, journaled (in memory) and placed on the simulator over loopback HTTP, until the
/// venue's acceptance comes back to the symbol's side as <see cref="OrderAccepted"/>. One order at a time, each
/// cancelled after its acceptance (untimed) so the open-order cap never binds.
/// </summary>
internal sealed class OrderRoundTripBenchmark(BenchOptions options, TextWriter log, BenchBacktests backtests)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly Symbol Eth = new("ETHUSDT");

    /// <summary>Runs the round trips; one figure.</summary>
    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        var file = Path.Combine(options.PerpetualKlines, BacktestBenchmarks.GridFile);
        var firstBar = KlineCsvReader.Read(file).First();
        await using var venue = await BenchVenue.StartAsync([file], trading: true);
        var sim = venue.Server;
        var rest = venue.Rest;
        var catalog = new SymbolCatalog(sim.Replay.Symbols.ToDictionary(s => s.Symbol, s => new SymbolSetup(s.Spec.Instrument, 10, 0.0002m, 0.0004m)));
        var rari = backtests.Configuration().Rari;
        var system = BenchVenue.CreateSystem("bench-orders");
        try
        {
            var accepted = new ConcurrentDictionary<ClientOrderId, TaskCompletionSource<string>>();
            var symbols = system.ActorOf(Props.Create(() => new OrderOutcomes(accepted)), "symbols");
            var mediator = system.ActorOf(LocalPubSub.Props(), "mediator");
            var toGateway = system.ActorOf(Relay.Props(), "to-gateway");
            var riskGate = system.ActorOf(RiskGate.Props(rari.Risk.Settings, rari.Assets, catalog, toGateway, symbols, mediator, NoAuditTrail.Instance), "risk-gate");
            var gatewaySettings = GatewaySettings.Default with { DeadMansSwitch = false, OpenOrdersOnShutdown = ShutdownOrders.Leave };
            var gateway = system.ActorOf(
                ExchangeGateway.Props(gatewaySettings, rest, () => new AsterUserStream(rest, new UserStreamOptions { WebSocketBaseUrl = sim.StreamAddress }), symbols, riskGate, mediator, NoAuditTrail.Instance, catalog, "bench"),
                "gateway");
            toGateway.Tell(new Relay.Target(gateway));
            await UntilAsync(async () => (await gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Wait)).IsReconciled);
            riskGate.Tell(new SymbolMarketObserved(Eth, firstBar.OpenTimeMs + 60_000, firstBar.Close, null, null, null, null, null));
            await UntilAsync(async () => (await riskGate.Ask<RiskStatus>(GetRiskStatus.Instance, Wait)).Equity > 0m);

            var orders = options.Quick ? 40 : 150;
            var histogram = new LongHistogram(10_000_000, 3);
            var ids = new ClientOrderIdFactory();
            var strategy = new StrategyId("bench");
            var price = decimal.Round(firstBar.Close * 0.97m, 2);
            var denied = 0;
            for (var i = 1; i <= orders; i++)
            {
                var intent = OrderIntent.Create(ids.Create(strategy, Eth, i), strategy, Eth, OrderSide.Buy, OrderType.Limit, 0.010m, price: price, timeInForce: TimeInForce.Gtc);
                var outcome = accepted.GetOrAdd(intent.ClientOrderId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                var started = Stopwatch.GetTimestamp();
                riskGate.Tell(new SubmitOrder(new RiskRequest(intent) { StopLossPrice = decimal.Round(price * 0.95m, 2) }, "bench round trip"));
                var result = await outcome.Task.WaitAsync(Wait);
                var micros = (long)(Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000);
                if (result != "accepted")
                {
                    denied++;
                    log.WriteLine($"  order {i}: {result}");
                    continue;
                }

                if (i > 5)
                {
                    histogram.RecordValue(Math.Clamp(micros, 1, histogram.HighestTrackableValue));
                }

                gateway.Tell(new CancelOrder(Eth, intent.ClientOrderId, "bench: next round trip"));
            }

            var p50 = histogram.GetValueAtPercentile(50);
            var p99 = histogram.GetValueAtPercentile(99);
            log.WriteLine($"  {histogram.TotalCount} round trips timed (the first 5 warm up), {denied} not accepted; p50 {p50} µs, p99 {p99} µs");
            return
            [
                histogram.TotalCount == 0
                    ? BenchFigure.NotMeasured("order round trip", "p50 < 1 ms", $"no order was accepted ({denied} refused)")
                    : new BenchFigure(
                        "order round trip",
                        $"p50 {BenchFormat.Micros(p50)}, p99 {BenchFormat.Micros(p99)}",
                        "p50 < 1 ms",
                        p50 < 1000,
                        $"{histogram.TotalCount} limit orders one at a time: SubmitOrder → RiskGate (12 rules) → ExchangeGateway (journal in memory, V1-signed REST) → simulator over loopback HTTP → OrderAccepted back at the symbol",
                        new Dictionary<string, double> { ["p50Micros"] = p50, ["p99Micros"] = p99, ["orders"] = histogram.TotalCount }),
            ];
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The risk gate or the gateway did not become ready in time.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stands for the symbol region: completes each order's outcome when its acceptance or refusal arrives.</summary>
    private sealed class OrderOutcomes : ReceiveActor
    {
        public OrderOutcomes(ConcurrentDictionary<ClientOrderId, TaskCompletionSource<string>> outcomes)
        {
            Receive<OrderAccepted>(accepted => Complete(outcomes, accepted.ClientOrderId, "accepted"));
            Receive<OrderDenied>(denied => Complete(outcomes, denied.ClientOrderId, "denied: " + denied.Reason));
            Receive<OrderRejected>(rejected => Complete(outcomes, rejected.ClientOrderId, "rejected: " + rejected.Reason));
            ReceiveAny(_ => { });
        }

        private static void Complete(ConcurrentDictionary<ClientOrderId, TaskCompletionSource<string>> outcomes, ClientOrderId id, string outcome)
        {
            if (outcomes.TryGetValue(id, out var source))
            {
                source.TrySetResult(outcome);
            }
        }
    }
}
