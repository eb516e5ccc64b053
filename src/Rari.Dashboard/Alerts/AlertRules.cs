using System.Globalization;
using Rari.Dashboard.ReadModel;
using Rari.Dashboard.Settings;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Dashboard.Alerts;

/// <summary>
/// Which facts become alerts: pure functions of the risk gate's state before and after, of a fill, and of the day's
/// figures, so they are tested without an actor system or a network.
/// </summary>
public static class AlertRules
{
    /// <summary>
    /// The alerts between two risk states: a restriction that appeared (halt), one that went (resume), a breaker that
    /// tripped. <paramref name="previous"/> null means the first state seen since start: every standing restriction and
    /// breaker is announced once, so a trader restarted while halted says so.
    /// </summary>
    public static IReadOnlyList<Alert> RiskChanges(RiskState? previous, RiskState next, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(settings);
        var before = previous ?? RiskState.Empty;
        var alerts = new List<Alert>();
        if (settings.OnHalts)
        {
            foreach (var restriction in next.Restrictions)
            {
                if (!before.Restrictions.Contains(restriction))
                {
                    alerts.Add(new Alert(
                        AlertKind.Halt,
                        $"Trading {restriction.Level.ToString().ToLowerInvariant()}: {Scope(restriction.Symbol?.Value)}",
                        $"{restriction.Cause}: {restriction.Reason}",
                        restriction.Symbol?.Value,
                        restriction.SinceMs));
                }
            }

            foreach (var restriction in before.Restrictions)
            {
                if (!next.Restrictions.Contains(restriction))
                {
                    alerts.Add(new Alert(
                        AlertKind.Resume,
                        $"Trading resumed: {Scope(restriction.Symbol?.Value)}",
                        $"the {restriction.Cause} {restriction.Level.ToString().ToLowerInvariant()} state was lifted",
                        restriction.Symbol?.Value,
                        restriction.SinceMs));
                }
            }
        }

        if (settings.OnBreakers)
        {
            foreach (var breaker in next.Breakers)
            {
                if (!before.Breakers.Contains(breaker))
                {
                    alerts.Add(new Alert(
                        AlertKind.Breaker,
                        $"Circuit breaker tripped: {breaker.Symbol}",
                        string.Create(CultureInfo.InvariantCulture, $"{breaker.Reason}; no new entries until {Time(breaker.UntilMs)}"),
                        breaker.Symbol.Value,
                        breaker.TrippedAtMs));
                }
            }
        }

        return alerts;
    }

    /// <summary>An alert for <paramref name="fill"/> when its notional reaches the configured size; null otherwise.</summary>
    public static Alert? LargeFill(Fill fill, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.FillNotionalAbove is not { } threshold || fill.Notional < threshold)
        {
            return null;
        }

        return new Alert(
            AlertKind.LargeFill,
            string.Create(CultureInfo.InvariantCulture, $"Large fill: {fill.Symbol} {fill.Side} {fill.Notional:0.##} USDT"),
            string.Create(CultureInfo.InvariantCulture, $"{fill.Side} {fill.Quantity} {fill.Symbol} at {fill.Price} (fee {fill.Fee}), order {fill.ClientOrderId}"),
            fill.Symbol.Value,
            fill.TimestampMs);
    }

    /// <summary>The summary of the UTC day that ended at <paramref name="dayEndMs"/>, from the latest snapshot.</summary>
    public static Alert DailySummary(long dayEndMs, DashboardSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var o = snapshot.Overview;
        var p = snapshot.Performance;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"equity {Money(o.Equity)} USDT, today's PnL {Money(o.TodayPnl)}, total PnL {Money(o.TotalPnl)}, drawdown {o.Drawdown:P2}; "
            + $"{p.Fills} fills ({p.FilledNotional:0.##} USDT, fees {p.Fees:0.####}); {snapshot.Positions.Count} open positions; trading {o.TradingState}");
        var day = DateTimeOffset.FromUnixTimeMilliseconds(dayEndMs - 1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Alert(AlertKind.DailySummary, $"Daily summary {day} ({o.Mode})", text, null, dayEndMs);
    }

    private static string Scope(string? symbol) => symbol ?? "all symbols";

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
