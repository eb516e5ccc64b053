using System.Globalization;

namespace Rari.Actors.Settings;

/// <summary>
/// The three account-wide limits of the original tool (HOCON block <c>rari.risk</c>). The risk issue gives the block
/// its full rule set; until then these keys are reserved here with the original's values, and the backtester applies
/// the two it can apply without a risk engine (see <c>BacktestRiskCaps</c>).
/// </summary>
public sealed record RiskLimits
{
    /// <summary>The original tool's limits.</summary>
    public static RiskLimits Default { get; } = new();

    /// <summary>Largest loss one trade may risk at its stop, as a share of equity. Default 0.10.</summary>
    public decimal MaxPortfolioRisk { get; init; } = 0.10m;

    /// <summary>Largest margin one position may tie up (its initial margin at the symbol's leverage), as a share of equity. Default 0.05.</summary>
    public decimal MaxPositionRisk { get; init; } = 0.05m;

    /// <summary>Largest fall of equity below the UTC day's starting equity before new exposure stops, as a share. Default 0.15.</summary>
    public decimal MaxDailyLoss { get; init; } = 0.15m;

    /// <summary>Every problem, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, MaxPortfolioRisk, "max-portfolio-risk");
        Check(errors, MaxPositionRisk, "max-position-risk");
        Check(errors, MaxDailyLoss, "max-daily-loss");
        return errors;
    }

    private static void Check(List<string> errors, decimal value, string key)
    {
        if (value is <= 0m or > 1m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value}: must be a share of equity in (0, 1]"));
        }
    }
}
