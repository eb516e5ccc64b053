namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Scales new exposure down by <c>target / realized</c> when the symbol's realized volatility is above
/// <see cref="RiskSettings.TargetVolatility"/>, so that a position risks about as much in a violent market as in a calm
/// one. The part of an order that closes the current position is never scaled; unknown volatility scales nothing.
/// </summary>
public sealed class VolatilityRule : IRiskRule
{
    private readonly decimal _target;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public VolatilityRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _target = settings.Validated().TargetVolatility;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.Volatility;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        if (check.View.Volatility is not { } realized)
        {
            return RuleVerdict.Approve(check.Quantity, "realized volatility unknown: size not scaled");
        }

        var opening = check.OpeningQuantity;
        if (opening == 0m)
        {
            return RuleVerdict.Approve(check.Quantity, "adds no exposure: nothing to scale");
        }

        var comparison = RiskText.Of($"realized volatility {RiskText.Percent(realized)} against the {RiskText.Percent(_target)} target");
        if (realized <= _target)
        {
            return RuleVerdict.Approve(check.Quantity, comparison + ": full size");
        }

        var factor = _target / realized;
        return RiskSizing.FitOpening(
            check,
            opening * factor,
            RiskText.Of($"{comparison}: new exposure {opening} scales by {factor}"));
    }
}
