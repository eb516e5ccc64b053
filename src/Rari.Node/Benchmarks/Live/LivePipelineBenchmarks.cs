using System.Diagnostics;
using Akka.Actor;
using Rari.Actors.Audit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// The live pipeline in one process: the real <see cref="MarketDataStream"/> (connected to the simulator's WebSocket
/// for its subscriptions), a router standing for the shard region, a real <see cref="SymbolSupervisor"/> and grid
/// strategy actor per symbol (in-memory journal), and stand-ins for the risk gate and the gateway. Closed klines are fed
/// into the stream actor in batches, as its stream graph feeds it. Measures throughput (events/s, as fast as acknowledged) and the
/// latency from an event to the order intent it causes at the risk gate at a steady 10 k events/s, and the resident
/// memory over that run.
/// </summary>
internal sealed class LivePipelineBenchmarks(BenchOptions options, TextWriter log)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>Runs the pipeline once; three figures: throughput, latency, memory.</summary>
    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        var ethFile = Path.Combine(options.PerpetualKlines, BacktestBenchmarks.GridFile);
        var eth = new Backtesting.InstrumentCatalog().For(new Backtest.Data.BarSeries(new("ETHUSDT"), [.. Domain.Data.KlineCsvReader.Read(ethFile).Take(2)])).Instrument;
        using var market = new BenchMarket(ethFile, eth);
        await using var venue = await BenchVenue.StartAsync(market.Files, trading: false);
        var sim = venue.Server;
        var rest = venue.Rest;
        var system = BenchVenue.CreateSystem("bench-pipeline");
        try
        {
            var probe = new PipelineProbe(market.Symbols);
            var settings = StrategyActorSettings.Default with { WarmUpBars = BenchMarket.HistoryBars };
            IActorRef riskGate = ActorRefs.Nobody;
            var gateway = system.ActorOf(GatewayStandIn.Props(), "gateway");
            var mediator = system.ActorOf(Ignoring.Props(), "mediator");
            var router = system.ActorOf(
                SymbolRouter.Props(symbol => SymbolSupervisor.Props(
                    symbol, StrategyKind.Grid, market.Catalog, StrategySet.Default, market, riskGate, gateway, mediator, NoAuditTrail.Instance, settings)),
                "symbols");
            riskGate = system.ActorOf(RiskGateStandIn.Props(router, probe), "risk-gate");
            var streamSettings = MarketDataSettings.Default with { StalenessLimit = TimeSpan.FromMinutes(30) };
            var stream = system.ActorOf(
                MarketDataStream.Props(streamSettings, new Rari.Aster.Streams.MarketStreamOptions { WebSocketBaseUrl = sim.StreamAddress }, router, TimeProvider.System, rest),
                "market-data");
            var subscribed = await stream.Ask<SymbolsSubscribed>(new SubscribeSymbols(market.Symbols), Wait);
            if (subscribed.Refused.Count > 0)
            {
                throw new InvalidOperationException("The simulator refused the subscriptions: " + string.Join("; ", subscribed.Refused.Values));
            }

            foreach (var symbol in market.Symbols)
            {
                router.Tell(new StartSymbol(symbol));
            }

            await AllAsync(system, market, status => status.Stage == StrategyStage.Trading);
            log.WriteLine($"  {market.Symbols.Count} grid strategy actors trading");

            long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var firstOpenMs = market.LiveBar(0).OpenTimeMs;
            object EventAt(long n)
            {
                var symbol = (int)(n % BenchMarket.Count);
                var bar = n / BenchMarket.Count;
                return new KlineClosed(market.Symbols[symbol], market.LiveBar(bar) with { OpenTimeMs = firstOpenMs + (bar * 60_000) }, Now());
            }

            // Throughput: as fast as the stream actor acknowledges, then until every strategy actor has handled its share.
            // A first, untimed round lets the JIT settle the hot paths (tiered compilation), so the figure is the steady state.
            // Both rounds together feed the bars a single round fed before, so the latency run that follows sees the same bars.
            var total = (options.Quick ? 40_000L : 200_000L) / BenchMarket.Count * BenchMarket.Count;
            var warmUp = total / 4 / BenchMarket.Count * BenchMarket.Count;
            var events = total - warmUp;
            var feeder = system.ActorOf(StreamFeeder.Props(stream), "feeder");
            await feeder.Ask<StreamFeeder.Fed>(new StreamFeeder.Feed(0, warmUp, EventAt), TimeSpan.FromMinutes(5));
            await AllAsync(system, market, status => status.KlinesHandled >= warmUp / BenchMarket.Count);
            var clock = Stopwatch.StartNew();
            var fed = await feeder.Ask<StreamFeeder.Fed>(new StreamFeeder.Feed(warmUp, events, EventAt), TimeSpan.FromMinutes(5));
            await AllAsync(system, market, status => status.KlinesHandled >= (warmUp + events) / BenchMarket.Count);
            var throughput = events / clock.Elapsed.TotalSeconds;
            log.WriteLine($"  throughput: {events:N0} events fed in {fed.Elapsed.TotalSeconds:0.00} s, handled in {clock.Elapsed.TotalSeconds:0.00} s (after {warmUp:N0} untimed); {probe.Intents:N0} intents");
            var fedSoFar = warmUp + events;

            // Latency: a steady 10 k events/s from a pacing thread, round robin over the symbols.
            var seconds = options.Quick ? 4 : 15;
            var before = PeakMemory.Reset();
            var samples = new List<long>();
            var intentsBefore = probe.Intents;
            await Task.Factory.StartNew(
                () => Pace(stream, probe, EventAt, fedSoFar, 10_000, TimeSpan.FromSeconds(seconds), samples),
                TaskCreationOptions.LongRunning);
            await AllAsync(system, market, status => status.KlinesHandled >= (fedSoFar / BenchMarket.Count) + (10_000L * seconds / BenchMarket.Count));
            var peak = PeakMemory.Peak();
            var (p50, count) = probe.Percentile(50);
            var (p99, _) = probe.Percentile(99);
            var (p999, _) = probe.Percentile(99.9);
            log.WriteLine($"  latency: {count:N0} intents recorded of {probe.Intents - intentsBefore:N0}; p50 {p50} µs, p99 {p99} µs, p99.9 {p999} µs");
            var firstHalf = samples.Count > 1 ? samples[..(samples.Count / 2)].Average() : 0;
            var secondHalf = samples.Count > 1 ? samples[(samples.Count / 2)..].Average() : 0;
            return
            [
                new BenchFigure(
                    "live pipeline throughput",
                    BenchFormat.Rate(throughput, "events"),
                    "≥ 1 M events/s",
                    throughput >= 1e6,
                    $"{events:N0} closed klines (after {warmUp:N0} untimed) over {BenchMarket.Count} symbols: market-data stream actor (fed in batches of {MarketDataStream.MaxBatch}, the next on its acknowledgement, as its stream graph feeds it) → router → symbol supervisor → grid actor (in-memory journal); until every actor handled its share",
                    new Dictionary<string, double> { ["eventsPerSecond"] = throughput, ["events"] = events, ["intents"] = probe.Intents }),
                new BenchFigure(
                    "live pipeline latency",
                    $"p50 {BenchFormat.Micros(p50)}, p99 {BenchFormat.Micros(p99)}, p99.9 {BenchFormat.Micros(p999)}",
                    "p99 < 200 µs",
                    count > 0 ? p99 < 200 : null,
                    $"closed kline fed to the market-data stream → order intent arriving at the risk gate's place, {count:N0} intents at a steady 10 k events/s for {seconds} s (paced in 1 ms steps, the pacing thread sleeping between them; a symbol's events are 2 ms apart and an intent is timed from its symbol's latest event, so latencies above 2 ms are under-stated); the stand-in denies each intent so the grid re-arms",
                    new Dictionary<string, double> { ["p50Micros"] = p50, ["p99Micros"] = p99, ["p999Micros"] = p999, ["intents"] = count }),
                new BenchFigure(
                    "memory, 20-symbol live pipeline",
                    BenchFormat.Mebibytes(peak),
                    "report; no growth over time",
                    null,
                    $"peak resident set during the {seconds} s at 10 k events/s (not a paper run against the simulator's fills); resident at start {BenchFormat.Mebibytes(before)}, mean of the first half of the run {BenchFormat.Mebibytes((long)firstHalf)}, of the second half {BenchFormat.Mebibytes((long)secondHalf)}",
                    new Dictionary<string, double> { ["peakWorkingSetBytes"] = peak, ["firstHalfBytes"] = firstHalf, ["secondHalfBytes"] = secondHalf }),
            ];
        }
        finally
        {
            await system.Terminate();
        }
    }

    // Sends `rate` events per second in 1 ms steps for `duration`, noting each symbol's feed time; samples the resident set
    // every 100 ms. Between steps the thread sleeps (rather than spinning, which took one of the two cores from the
    // system under test); a step whose time has come is sent at once, so steps a late wake-up skipped are caught up
    // straight away and the rate over any few milliseconds stays the one asked for.
    private static void Pace(IActorRef stream, PipelineProbe probe, Func<long, object> eventAt, long first, int rate, TimeSpan duration, List<long> samples)
    {
        var perStep = rate / 1000;
        var clock = Stopwatch.StartNew();
        var next = first;
        var steps = (long)duration.TotalMilliseconds;
        for (long step = 0; step < steps; step++)
        {
            if (clock.Elapsed.TotalMilliseconds < step)
            {
                Thread.Sleep(1);
            }

            // The step's events arrive together, so the stream's graph hands them over as one batch.
            probe.Recording = step >= 500;
            var batch = new object[perStep];
            for (var i = 0; i < perStep; i++, next++)
            {
                probe.Fed((int)(next % BenchMarket.Count), Stopwatch.GetTimestamp());
                batch[i] = eventAt(next);
            }

            stream.Tell(new MarketDataBatch(batch), ActorRefs.NoSender);

            if (step % 100 == 0)
            {
                samples.Add(Environment.WorkingSet);
            }
        }

        probe.Recording = false;
    }

    private static async Task AllAsync(ActorSystem system, BenchMarket market, Func<StrategyStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        foreach (var symbol in market.Symbols)
        {
            var strategy = system.ActorSelection($"/user/symbols/{symbol}/{SymbolSupervisor.ChildName}");
            while (true)
            {
                try
                {
                    if (condition(await strategy.Ask<StrategyStatus>(GetStrategyStatus.Instance, TimeSpan.FromSeconds(5))))
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is AskTimeoutException or ActorNotFoundException)
                {
                    // Not started yet, or busy: ask again.
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{symbol}'s strategy actor did not get there within {Wait.TotalSeconds:0} s.");
                }

                await Task.Delay(20);
            }
        }
    }
}
