using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// One instance of every message of the shared actor protocol (<c>src/Rari.Actors/**/*Protocol.cs</c>), filled with real
/// values from the recorded runs: bars, orders, fills, open orders and risk states; and the actors' stop and resume
/// messages, as sharding, the singleton managers and an operator send them.
/// </summary>
public static class ProtocolMessageSamples
{
    private static readonly Lazy<IReadOnlyList<object>> Lazy = new(Create);

    /// <summary>The samples, one per message type.</summary>
    public static IReadOnlyList<object> All => Lazy.Value;

    private static List<object> Create()
    {
        var run = RecordedStrategyRuns.Volatility;
        var symbol = run.Instrument.Symbol;
        var bar = run.Bars[RecordedStrategyRuns.WarmUpBars + 1_234];
        var closeMs = bar.OpenTimeMs + 60_000;
        var place = run.Simulator.Driver.Commands.OfType<PlaceOrder>().First(p => p.Intent.Type == OrderType.StopMarket);
        var fills = run.OrderEvents.OfType<OrderFilled>().Take(2).Select(f => f.Fill).ToArray();
        var filledId = fills[0].ClientOrderId;
        var risk = RecordedRiskRun.Run;
        var state = risk.States.MaxBy(s => s.Restrictions.Length + s.Breakers.Length)!;
        var report = new OrderStatusReport(filledId, OrderStatus.Filled, fills[0].VenueOrderId, fills[0].Quantity, [fills[0]], null);
        var lost = new OrderStatusReport(place.Intent.ClientOrderId, null, null, null, [], "never received by the gateway");
        var position = new PositionReport(symbol, PositionSide.Both, -0.392m, 2549.02m, -12.3456m, 20, MarginType.Cross, 0m);
        var account = new AccountChanged(closeMs, 10_000.12345678m, 9_987.77785678m, 9_000m, [position], 1_795_559_351_695_123);
        var entry = run.Simulator.Driver.Commands.OfType<PlaceOrder>().First(p => !p.Intent.ReduceOnly).Intent;
        var openEntry = new OpenEntryOrder(entry, entry.Quantity!.Value / 2);
        var openOrders = OpenOrdersOf(RecordedStrategyRuns.Grid);
        return
        [
            new KlineClosed(symbol, bar, closeMs + 87),
            new KlinesClosed(symbol, [new KlineClosed(symbol, run.Bars[RecordedStrategyRuns.WarmUpBars + 1_233], closeMs + 7), new KlineClosed(symbol, bar, closeMs + 87)]),
            new BookTickerChanged(new(symbol, bar.Close - 0.01m, 12.345m, bar.Close, 3.210m, 7_000_123_456, closeMs + 5)),
            new MarkPriceChanged(new(symbol, bar.Close, bar.Close + 0.12m, 0m, 0.00010000m, closeMs + 3_600_000, closeMs)),
            new MarketDataStale(symbol, closeMs, closeMs + 65_000),
            new MarketDataResumed(symbol, 70_000),
            new StartSymbol(symbol),
            new GetSymbolStatus(symbol),
            new SymbolStatus(symbol, StrategyKind.Hybrid, TradingState.Reducing, false, 1, false, openOrders, "regime trend, volatility trades"),
            new SymbolStatus(
                RecordedStrategyRuns.Grid.Instrument.Symbol, StrategyKind.Grid, TradingState.Active, false, 0, false, openOrders, "grid running",
                Domain.Strategies.Grid.GridLadder.From(RecordedStrategyRuns.Grid.Snapshots[^1].State)),
            new SubmitOrder(new RiskRequest(place.Intent) { StopLossPrice = place.Intent.StopPrice }, place.Reason),
            new SymbolMarketObserved(symbol, closeMs, bar.Close, 0.00123456m, 0.0009m, 0.65m, 4.21m, null),
            new SymbolMarketsObserved(symbol, [new SymbolMarketObserved(symbol, closeMs - 60_000, bar.Open, null, null, null, null, null), new SymbolMarketObserved(symbol, closeMs, bar.Close, -0.0021m, 0.0009m, 0.65m, 4.21m, bar.Close - 50m)]),
            new TradingStateChanged(symbol, TradingState.Halted, "daily loss limit", closeMs),
            new TradingStateChanged(null, TradingState.Active, "operator resumed", closeMs),
            GetRiskStatus.Instance,
            new RiskStatus(state, 9_987.77785678m, 120, 3, 7),
            new ControlResult(true, "ETHUSDT halted"),
            new ApprovedOrder(place.Intent, place.Reason, RiskVerdictKind.Resized, "resized to the position cap"),
            new GetOrderReports(symbol, run.NewStrategy().Id, [filledId, place.Intent.ClientOrderId]),
            new OrderReports(symbol, run.NewStrategy().Id, [report, lost]),
            report,
            position,
            account,
            GetGatewayStatus.Instance,
            new GatewayStatus(true, [report], account, 1_000, 2, 1),
            new GatewayStatus(false, [], null, 0, 0, 0),
            GetOpenEntryOrders.Instance,
            new OpenEntryOrders([openEntry]),
            openEntry,
            new OrderRateObserved(37, 1_200),
            StopGateway.Instance,
            StopRiskGate.Instance,
            StopSymbol.Instance,
            new ResumeSymbol(symbol, "operator: the feed is back"),
            StopStrategy.Instance,
        ];
    }

    private static IReadOnlyList<Domain.Identifiers.ClientOrderId> OpenOrdersOf(StrategyRun run)
    {
        var strategy = run.NewStrategy();
        strategy.Restore(run.Snapshots[^1].State);
        return [.. strategy.OpenOrders];
    }
}
