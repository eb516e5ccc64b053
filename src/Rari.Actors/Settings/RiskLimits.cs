using System.Globalization;
using Rari.Domain.Risk;

namespace Rari.Actors.Settings;

/// <summary>
/// The HOCON block <c>rari.risk</c>: every limit of the risk gate as the Domain's <see cref="RiskSettings"/> (which the
/// risk gate and the backtester both apply through the Domain's risk engine and monitor), with the original tool's three
/// account-wide limits at hand.
/// </summary>
/// <remarks>
/// The three limits are views of <see cref="Settings"/>, not copies: setting one sets the other, so the backtester and
/// the risk gate can never read different values. Two instances are equal when their <see cref="Settings"/> are.
/// </remarks>
public sealed record RiskLimits
{
    /// <summary>The defaults: the original tool's limits and the Domain's reasoned defaults for the rest.</summary>
    public static RiskLimits Default { get; } = new();

    /// <summary>Every limit of the block, as the risk gate's engine and monitor take them.</summary>
    public RiskSettings Settings { get; init => field = value ?? throw new ArgumentNullException(nameof(Settings)); } = RiskSettings.Default;

    /// <summary>Largest loss one trade may risk at its stop, as a share of equity. Default 0.10.</summary>
    public decimal MaxPortfolioRisk
    {
        get => Settings.MaxPortfolioRisk;
        init => Settings = Settings with { MaxPortfolioRisk = value };
    }

    /// <summary>Largest margin one position may tie up (its initial margin at the symbol's leverage), as a share of equity. Default 0.05.</summary>
    public decimal MaxPositionRisk
    {
        get => Settings.MaxPositionRisk;
        init => Settings = Settings with { MaxPositionRisk = value };
    }

    /// <summary>Largest fall of equity below the UTC day's starting equity before new exposure stops, as a share. Default 0.15.</summary>
    public decimal MaxDailyLoss
    {
        get => Settings.MaxDailyLoss;
        init => Settings = Settings with { MaxDailyLoss = value };
    }

    /// <summary>
    /// Problems with the three account-wide limits, one message per field (field, value, why); empty when they are
    /// valid. The other keys are checked by the Domain (<see cref="RiskSettings.Problems"/>).
    /// </summary>
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
