using Rari.Backtest.Engine;
using Rari.Backtest.Reports;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Engine;

/// <summary>The risk gate's rules in a backtest: the Domain's RiskEngine on every order, its RiskMonitor on the account.</summary>
public sealed class RiskGateBacktestSpecs
{
    // A long grid of forty 1,000 USDT rungs 0.5 % apart trading through 2021-09-07, with room under the position cap
    // (50 %) to buy its way down: the daily loss limit (2 %) stops it at 08:31 UTC on the morning's slide, and the crash
    // itself (13:22 → 15:09) passes while it is halted. Breakers off, to watch the daily limit alone.
    private static BacktestSetup CrashSetup(InvariantObserver observer)
    {
        var settings = Backtests.Settings with
        {
            Risk = RiskSettings.Default with { MaxDailyLoss = 0.02m, MaxPositionRisk = 0.5m, CircuitBreakerSigma = null, CircuitBreakerMove = null },
        };
        var market = Backtests.Market(Backtests.EthCrash, days: 1, offsetDays: 29, leverage: 10);
        var grid = StrategySet.Default with
        {
            Grid = StrategySet.Default.Grid with { Direction = GridDirection.Long, LevelCount = 40, Spacing = 0.005m, NotionalPerLevel = 1_000m },
        };
        return Backtests.Setup(StrategyKind.Grid, [market], grid, settings, observer);
    }

    [Fact]
    public void Should_hold_the_daily_loss_limit_through_the_sharpest_crash_in_the_data()
    {
        // arrange
        var observer = new InvariantObserver(Backtests.Instruments);

        // act
        var result = new BacktestEngine(CrashSetup(observer)).Run();

        // assert: the halt, on the crash day
        var events = result.Report.RiskEvents;
        var halt = Assert.Single(events, e => e.Kind == "halt");
        Assert.StartsWith("max-daily-loss", halt.Reason, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2021, 9, 7), DateTimeOffset.FromUnixTimeMilliseconds(halt.TimestampMs).UtcDateTime.Date);
        var dayEnd = ((halt.TimestampMs / Backtests.DayMs) + 1) * Backtests.DayMs;

        // no order that adds exposure reaches the venue for the rest of the day
        Assert.DoesNotContain(
            observer.AcceptedOrders, a => a.TimeMs >= halt.TimestampMs && a.TimeMs < dayEnd && !a.Order.ReduceOnly && !a.Order.ClosePosition); // <--

        // the monitor acted at once (a fill can trip it mid-bar; its commands go out at the venue's time, the bar's end)
        var flatten = Assert.Single(events, e => e.Kind == "flatten");
        Assert.InRange(flatten.TimestampMs - halt.TimestampMs, 0, 59_999);
        Assert.Contains(events, e => e.Kind == "cancel-entries" && e.TimestampMs == flatten.TimestampMs);

        // the resting entries were cancelled
        Assert.True(OpenEntries(observer, before: halt.TimestampMs) > 0);
        Assert.Equal(0, OpenEntries(observer, before: flatten.TimestampMs + 1));

        // the position open at the halt was closed then, and only shrank: every later loss is that position's
        Assert.True(Position(observer, before: halt.TimestampMs) != 0m);
        Assert.Equal(0m, Position(observer, before: flatten.TimestampMs + 1));
        var afterHalt = result.Report.EquityCurve.Where(p => p.TimestampMs > flatten.TimestampMs && p.TimestampMs < dayEnd).ToList();
        Assert.NotEmpty(afterHalt);
        Assert.All(afterHalt, p => Assert.Equal(0m, p.GrossExposure));
        Assert.All(afterHalt, p => Assert.Equal(afterHalt[0].Equity, p.Equity)); // flat: nothing more lost that day
    }

    [Fact]
    public void Should_send_a_resized_order_to_the_venue_with_the_resized_quantity()
    {
        // arrange: 3,000 USDT rungs at 10x tie up 300 USDT of margin each; the 5 % position cap allows 500 in all,
        // counting the rungs already resting, so the second rung only fits shrunk to the remaining 200
        var observer = new InvariantObserver(Backtests.Instruments);
        var market = Backtests.Market(Backtests.EthBreakout, days: 1, offsetDays: 2, leverage: 10);
        var grid = StrategySet.Default with
        {
            Grid = StrategySet.Default.Grid with { Direction = GridDirection.Long, NotionalPerLevel = 3_000m },
        };

        // act
        var result = new BacktestEngine(Backtests.Setup(StrategyKind.Grid, [market], grid, observer: observer)).Run();

        // assert: the first rung as asked, the second at the venue with the quantity that fills the cap (to one lot step)
        var entries = observer.AcceptedOrders.Where(a => !a.Order.ReduceOnly).Select(a => a.Order).ToList();
        Assert.True(entries.Count >= 2);
        var step = Backtests.Instruments["ETHUSDT"].LotSize.StepSize;
        Assert.InRange(entries[0].OriginalQuantity * entries[0].Price, 3_000m - (step * entries[0].Price), 3_000m + (step * entries[0].Price));
        Assert.True(entries[1].OriginalQuantity * entries[1].Price < 2_100m, $"{entries[1].OriginalQuantity} @ {entries[1].Price}"); // <--
        var margin = ((entries[0].OriginalQuantity * entries[0].Price) + (entries[1].OriginalQuantity * entries[1].Price)) / 10m;
        Assert.InRange(margin, 500m - (step * entries[1].Price / 10m), 500m);
        Assert.True(result.Totals.OrdersDenied > 0); // the rungs after it found the cap full
    }

    [Fact]
    public void Should_keep_entries_out_of_a_symbol_while_its_circuit_breaker_runs()
    {
        // arrange: the crash day with the default breakers (8σ or 5 % in one bar, 15 minutes) and a 1 % long grid
        var observer = new InvariantObserver(Backtests.Instruments);
        var market = Backtests.Market(Backtests.EthCrash, days: 1, offsetDays: 29, leverage: 10);
        var grid = StrategySet.Default with
        {
            Grid = StrategySet.Default.Grid with { Direction = GridDirection.Long, Spacing = 0.01m, NotionalPerLevel = 200m },
        };

        // act
        var result = new BacktestEngine(Backtests.Setup(StrategyKind.Grid, [market], grid, observer: observer)).Run();

        // assert: during every cool-down no entry reaches the venue and none rests there; after it, entries come back
        var trips = result.Report.RiskEvents.Where(e => e.Kind == "circuit-breaker").ToList();
        Assert.NotEmpty(trips);
        var cooldown = RiskSettings.Default.CircuitBreakerCooldownMs;
        foreach (var trip in trips)
        {
            var until = trip.TimestampMs + cooldown;
            Assert.DoesNotContain(
                observer.AcceptedOrders, a => a.TimeMs >= trip.TimestampMs && a.TimeMs < until && !a.Order.ReduceOnly && !a.Order.ClosePosition); // <--
            Assert.Equal(0, OpenEntries(observer, before: trip.TimestampMs + 1));
        }

        var lastReset = result.Report.RiskEvents.Last(e => e.Kind == "circuit-breaker-reset");
        Assert.True(lastReset.TimestampMs >= trips[^1].TimestampMs + cooldown);
        Assert.Contains(observer.AcceptedOrders, a => a.TimeMs >= lastReset.TimestampMs && !a.Order.ReduceOnly);
    }

    [Fact]
    public void Should_write_identical_reports_for_two_runs_through_the_crash()
    {
        // arrange
        string Report() => ReportJsonWriter.Serialize(new BacktestEngine(CrashSetup(new InvariantObserver(Backtests.Instruments))).Run().Report);

        // act
        var first = Report();
        var second = Report();

        // assert
        Assert.Equal(first, second);
        Assert.Contains("max-daily-loss", first, StringComparison.Ordinal);
    }

    private static int OpenEntries(InvariantObserver observer, long before)
    {
        var last = new Dictionary<long, OrderSnapshotView>();
        foreach (var (time, order) in observer.OrderLog)
        {
            if (time < before)
            {
                last[order.OrderId.Value] = new OrderSnapshotView(order.IsOpen, order.ReduceOnly || order.ClosePosition);
            }
        }

        return last.Values.Count(o => o.IsOpen && !o.Reduces);
    }

    private static decimal Position(InvariantObserver observer, long before) =>
        observer.FillLog.Where(f => f.TimeMs < before).Sum(f => f.Quantity);

    private readonly record struct OrderSnapshotView(bool IsOpen, bool Reduces);
}
