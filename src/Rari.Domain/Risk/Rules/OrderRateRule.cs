namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Keeps new-exposure orders within a share of the exchange's order-rate limit (<see cref="RiskSettings.OrderRateBudgetShare"/>),
/// so that the rest stays free for cancels, exits and emergency closes, which never reach this rule.
/// </summary>
public sealed class OrderRateRule : IRiskRule
{
    private readonly decimal _share;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public OrderRateRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _share = settings.Validated().OrderRateBudgetShare;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.OrderRate;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var usage = check.Context.OrderRate;
        if (!usage.IsKnown)
        {
            return RuleVerdict.Approve(check.Quantity, "order-rate usage unknown: not checked");
        }

        var budget = (long)decimal.Floor(usage.Limit * _share);
        var used = RiskText.Number(usage.Used);
        var limit = RiskText.Number(usage.Limit);
        return usage.Used + 1 > budget
            ? RuleVerdict.Deny(RiskText.Of(
                $"{used} of {limit} orders used in the window; new exposure may use {RiskText.Percent(_share)} = {budget}, the rest is kept for exits"))
            : RuleVerdict.Approve(check.Quantity, RiskText.Of(
                $"{used} of {limit} orders used in the window, within the {budget} kept for new exposure"));
    }
}
