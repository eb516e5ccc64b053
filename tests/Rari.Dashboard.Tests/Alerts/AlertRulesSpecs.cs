using System.Collections.Immutable;
using Rari.Dashboard.Alerts;
using Rari.Dashboard.ReadModel;
using Rari.Dashboard.Settings;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Dashboard.Tests.Alerts;

public sealed class AlertRulesSpecs
{
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly TradingRestriction DailyLossHalt = new(null, HaltCause.DailyLoss, TradingState.Halted, "equity 8500 is 15.0 % below the day's 10000", 1_000);
    private static readonly CircuitBreaker EthBreaker = new(Eth, "bar return -6.1 % beyond 5 %", 2_000, 902_000);

    [Fact]
    public void Should_alert_once_when_a_halt_appears_and_once_when_it_is_lifted()
    {
        // arrange
        var halted = RiskState.Empty with { Restrictions = [DailyLossHalt] };

        // act
        var onHalt = AlertRules.RiskChanges(RiskState.Empty, halted, AlertSettings.Default);
        var unchanged = AlertRules.RiskChanges(halted, halted, AlertSettings.Default);
        var onResume = AlertRules.RiskChanges(halted, RiskState.Empty, AlertSettings.Default);

        // assert
        var halt = Assert.Single(onHalt);
        Assert.Equal(AlertKind.Halt, halt.Kind);
        Assert.Equal("Trading halted: all symbols", halt.Title);
        Assert.Equal("DailyLoss: equity 8500 is 15.0 % below the day's 10000", halt.Text);
        Assert.Empty(unchanged);
        Assert.Equal(AlertKind.Resume, Assert.Single(onResume).Kind);
    }

    [Fact]
    public void Should_announce_what_stands_at_start_so_a_restart_while_halted_says_so()
    {
        // act
        var alerts = AlertRules.RiskChanges(null, RiskState.Empty with { Restrictions = [DailyLossHalt], Breakers = [EthBreaker] }, AlertSettings.Default);

        // assert
        Assert.Equal([AlertKind.Halt, AlertKind.Breaker], alerts.Select(a => a.Kind));
    }

    [Fact]
    public void Should_alert_a_breaker_trip_with_its_symbol_and_end()
    {
        // act
        var alerts = AlertRules.RiskChanges(RiskState.Empty, RiskState.Empty with { Breakers = [EthBreaker] }, AlertSettings.Default);

        // assert
        var alert = Assert.Single(alerts);
        Assert.Equal(AlertKind.Breaker, alert.Kind);
        Assert.Equal("ETHUSDT", alert.Symbol);
        Assert.Equal("bar return -6.1 % beyond 5 %; no new entries until 1970-01-01 00:15:02 UTC", alert.Text);
    }

    [Fact]
    public void Should_stay_quiet_about_what_the_settings_turn_off()
    {
        // act
        var alerts = AlertRules.RiskChanges(RiskState.Empty, RiskState.Empty with { Restrictions = [DailyLossHalt], Breakers = [EthBreaker] }, AlertSettings.Default with { OnHalts = false, OnBreakers = false });

        // assert
        Assert.Empty(alerts);
    }

    [Theory]
    [InlineData("0.5", "1999.99", false)]
    [InlineData("0.5", "2000", true)]
    [InlineData("1", "2500", true)]
    public void Should_alert_a_fill_from_the_configured_notional(string quantity, string price, bool alerted)
    {
        // arrange: threshold 1000 USDT
        var fill = new Fill(Eth, new ClientOrderId("rari-grid-ETHUSDT-000001"), new VenueOrderId(7), new TradeId(9), OrderSide.Buy, PositionSide.Both,
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), 0.4m, LiquiditySide.Maker, 5_000);

        // act
        var alert = AlertRules.LargeFill(fill, AlertSettings.Default);

        // assert
        Assert.Equal(alerted, alert is not null);
        Assert.Null(AlertRules.LargeFill(fill, AlertSettings.Default with { FillNotionalAbove = null }));
    }

    [Fact]
    public void Should_sum_up_the_day_from_the_snapshot()
    {
        // arrange
        var overview = new OverviewView("hybrid", 0, 0, 10_250m, 10_200m, 9_000m, 1_250m, 50m, 250m, 0.01m, "Active", true, true);
        var performance = new PerformanceView([], 0.02, 1.5, 12, 6_000m, 2.4m, 20, 10, 1, 0, 4, 0.75, 2.5);
        var snapshot = new DashboardSnapshot(overview, [], [], new RiskView([], [], [], 0, 0, 0), performance, []);
        var midnight = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        // act
        var alert = AlertRules.DailySummary(midnight, snapshot);

        // assert
        Assert.Equal("Daily summary 2026-11-24 (hybrid)", alert.Title);
        Assert.Equal("equity 10250.00 USDT, today's PnL 50.00, total PnL 250.00, drawdown 1.00 %; 12 fills (6000 USDT, fees 2.4); 0 open positions; trading Active", alert.Text);
    }
}
