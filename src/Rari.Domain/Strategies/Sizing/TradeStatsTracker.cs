namespace Rari.Domain.Strategies.Sizing;

/// <summary>
/// Running win/loss statistics of a strategy's closed round trips, kept in its decision state so that the Kelly sizer
/// (<see cref="KellySizer"/>) reads the same numbers live, after recovery and in a backtest.
/// </summary>
/// <remarks>
/// <para>Every round trip is measured on its net PnL (after fees). A round trip with exactly zero PnL counts as a
/// breakeven: it is a trade (for <see cref="TradeCount"/>) but neither a win nor a loss, so it moves neither the win rate
/// nor the payoff ratio.</para>
/// <para>Immutable: <see cref="Record"/> returns a new tracker. Plain numbers only, so it serializes and compares by
/// value. Invariants: the counts and sums are never negative, a sum is 0 exactly when its count is 0.</para>
/// </remarks>
public sealed record TradeStatsTracker
{
    /// <summary>No trades yet.</summary>
    public static TradeStatsTracker Empty { get; } = new();

    /// <summary>Round trips with a positive net PnL.</summary>
    public int Wins { get; init => field = NotNegative(value, nameof(Wins)); }

    /// <summary>Round trips with a negative net PnL.</summary>
    public int Losses { get; init => field = NotNegative(value, nameof(Losses)); }

    /// <summary>Round trips with exactly zero net PnL.</summary>
    public int Breakevens { get; init => field = NotNegative(value, nameof(Breakevens)); }

    /// <summary>Sum of the winners' net PnL, USDT (≥ 0).</summary>
    public decimal GrossProfit { get; init => field = NotNegative(value, nameof(GrossProfit)); }

    /// <summary>Sum of the losers' net losses as a positive number, USDT (≥ 0).</summary>
    public decimal GrossLoss { get; init => field = NotNegative(value, nameof(GrossLoss)); }

    /// <summary>Every closed round trip: wins, losses and breakevens.</summary>
    public int TradeCount => Wins + Losses + Breakevens;

    /// <summary>Wins / (wins + losses); null before the first win or loss.</summary>
    public decimal? WinRate => Wins + Losses == 0 ? null : (decimal)Wins / (Wins + Losses);

    /// <summary>Mean net PnL of the winners, USDT; 0 without winners.</summary>
    public decimal AverageWin => Wins == 0 ? 0m : GrossProfit / Wins;

    /// <summary>Mean net loss of the losers as a positive number, USDT; 0 without losers.</summary>
    public decimal AverageLoss => Losses == 0 ? 0m : GrossLoss / Losses;

    /// <summary>The payoff ratio b = average win / average loss; null unless there is at least one win and one loss.</summary>
    public decimal? PayoffRatio => Wins == 0 || Losses == 0 || GrossLoss == 0m ? null : AverageWin / AverageLoss;

    /// <summary>The tracker after one more closed round trip.</summary>
    /// <param name="netPnl">The round trip's PnL after fees, USDT.</param>
    public TradeStatsTracker Record(decimal netPnl) => netPnl switch
    {
        > 0m => this with { Wins = Wins + 1, GrossProfit = GrossProfit + netPnl },
        < 0m => this with { Losses = Losses + 1, GrossLoss = GrossLoss - netPnl },
        _ => this with { Breakevens = Breakevens + 1 },
    };

    private static int NotNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");

    private static decimal NotNegative(decimal value, string name) =>
        value >= 0m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
}
