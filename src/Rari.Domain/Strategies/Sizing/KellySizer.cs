namespace Rari.Domain.Strategies.Sizing;

/// <summary>
/// Fractional Kelly sizing: from a running win rate p and payoff ratio b (average win / average loss), the share of
/// equity to risk on the next trade, f = clamp(fraction × (p − (1 − p) / b), 0, max).
/// </summary>
/// <remarks>
/// <para>Pure and exact (decimal). Until the statistics hold <see cref="KellySettings.MinTrades"/> round trips the
/// configured default is used, because a handful of trades says nothing about an edge.</para>
/// <para>Degenerate statistics, once trusted: no losses at all means b is unbounded and full Kelly is p (= 1), which the
/// cap then limits; no wins means p = 0 and the answer is 0; only breakevens means no measured edge and the answer is 0.</para>
/// </remarks>
public static class KellySizer
{
    /// <summary>Full Kelly, f* = p − (1 − p) / b, unclamped (negative when the edge is negative).</summary>
    /// <param name="winRate">p, in [0, 1].</param>
    /// <param name="payoffRatio">b = average win / average loss, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1] or b is not positive.</exception>
    public static decimal FullKelly(decimal winRate, decimal payoffRatio)
    {
        if (winRate is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(winRate), winRate, "The win rate must be in [0, 1].");
        }

        if (payoffRatio <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(payoffRatio), payoffRatio, "The payoff ratio must be positive.");
        }

        return winRate - ((1m - winRate) / payoffRatio);
    }

    /// <summary>The share of equity to put at risk on the next trade, in [0, <see cref="KellySettings.MaxFraction"/>].</summary>
    /// <param name="settings">Fraction, cap, minimum trades and default.</param>
    /// <param name="stats">The strategy's closed round trips.</param>
    public static decimal RiskFraction(KellySettings settings, TradeStatsTracker stats)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stats);
        if (stats.TradeCount < settings.MinTrades)
        {
            return Math.Min(settings.DefaultFraction, settings.MaxFraction);
        }

        var fullKelly = (stats.WinRate, stats.PayoffRatio) switch
        {
            ({ } p, { } b) => FullKelly(p, b),

            // Wins without a single loss: b is unbounded, so f* tends to p, which is 1 here.
            ({ } p, null) when stats.Losses == 0 => p,
            _ => 0m,
        };

        return Math.Clamp(fullKelly * settings.Fraction, 0m, settings.MaxFraction);
    }
}
