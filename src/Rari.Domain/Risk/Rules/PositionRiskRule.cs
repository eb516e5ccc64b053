namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Keeps a position's margin-at-risk within <see cref="RiskSettings.MaxPositionRisk"/> of equity. Margin-at-risk is the
/// initial margin of the resulting worst-case position at the symbol's configured leverage: <c>(position at the mark +
/// resting entry orders on the same side + this order) / leverage</c>. Resizes down to fit.
/// </summary>
/// <remarks>
/// At 5 % and 20x a position may reach equity × 1; at 50x, 2.5 × equity. An opposite position counts negatively, so an
/// order that first closes it has that much more room.
/// </remarks>
public sealed class PositionRiskRule : IRiskRule
{
    private readonly decimal _maxRisk;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public PositionRiskRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _maxRisk = settings.Validated().MaxPositionRisk;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.PositionRisk;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var view = check.View;
        var leverage = view.Leverage;
        var before = Exposure.Base(view, check.Direction);
        var after = Math.Max(0m, before + check.Notional);
        var marginAtRisk = after / leverage;
        var equity = check.Context.Equity;
        var limit = _maxRisk * equity;
        var measured = RiskText.Of(
            $"worst-case {Side(check)} notional {after} USDT at {leverage}x ties up {marginAtRisk} USDT of margin");
        var cap = RiskText.Of($"{RiskText.Percent(_maxRisk)} of equity {equity} = {limit} USDT");
        return marginAtRisk <= limit
            ? RuleVerdict.Approve(check.Quantity, RiskText.Of($"{measured}, within {cap}"))
            : RiskSizing.FitNotional(check, (Math.Max(0m, limit) * leverage) - before, RiskText.Of($"{measured}, above {cap}"));
    }

    internal static string Side(in RiskCheck check) => check.Direction > 0 ? "long" : "short";
}
