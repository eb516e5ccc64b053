using System.Text;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Counts same-direction exposure in correlated symbols as one position: the order's symbol and every other symbol whose
/// rolling correlation with it is at least <see cref="RiskSettings.CorrelationThreshold"/> are held together to the
/// position caps, <see cref="RiskSettings.MaxPositionRisk"/> of equity in margin-at-risk and
/// <see cref="RiskSettings.MaxSymbolNotional"/> (when set) in notional. Resizes down to fit.
/// </summary>
/// <remarks>
/// Only positive correlation with exposure in the order's direction counts; a symbol whose correlation is unknown counts
/// as uncorrelated. An order that leaves its own symbol with no exposure in its direction (it only closes) never grows
/// the group and passes, even when the other members alone exceed the limit.
/// </remarks>
public sealed class CorrelationRule : IRiskRule
{
    private readonly decimal _threshold;
    private readonly decimal _maxRisk;
    private readonly decimal? _maxSymbol;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public CorrelationRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validated();
        _threshold = valid.CorrelationThreshold;
        _maxRisk = valid.MaxPositionRisk;
        _maxSymbol = valid.MaxSymbolNotional;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.Correlation;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var view = check.View;
        var context = check.Context;
        var direction = check.Direction;
        var side = PositionRiskRule.Side(check);
        var othersMargin = 0m;
        var othersNotional = 0m;
        StringBuilder? members = null;
        foreach (var other in context.Symbols)
        {
            if (other.Symbol == view.Symbol
                || !context.Correlations.TryGet(view.Symbol, other.Symbol, out var correlation)
                || correlation < _threshold)
            {
                continue;
            }

            var exposure = Exposure.Worst(other, direction);
            if (exposure == 0m)
            {
                continue;
            }

            othersNotional += exposure;
            othersMargin += exposure / other.Leverage;
            members ??= new StringBuilder();
            if (members.Length > 0)
            {
                members.Append(", ");
            }

            members.Append(other.Symbol.Value).Append(' ').Append(RiskText.Number(correlation));
        }

        if (members is null)
        {
            return RuleVerdict.Approve(check.Quantity, RiskText.Of(
                $"no symbol correlated {_threshold} or more with {view.Symbol} holds {side} exposure"));
        }

        var before = Exposure.Base(view, direction);
        var after = Math.Max(0m, before + check.Notional);
        var equity = context.Equity;
        var groupMargin = (after / view.Leverage) + othersMargin;
        var limit = _maxRisk * equity;
        var group = RiskText.Of($"{side} exposure correlated with {view.Symbol} ({members})");
        var marginText = RiskText.Of(
            $"{group} ties up {groupMargin} USDT of margin against {RiskText.Percent(_maxRisk)} of equity {equity} = {limit} USDT");
        if (after == 0m)
        {
            return RuleVerdict.Approve(check.Quantity, RiskText.Of($"{marginText}; this order adds no {side} exposure in {view.Symbol}"));
        }

        // The symbol's own term may go down to 0 (the order only closes) even when the others alone fill the group.
        var binding = new RiskSizing.Tightest();
        if (groupMargin > limit)
        {
            binding.Consider((Math.Max(0m, limit - othersMargin) * view.Leverage) - before, marginText);
        }

        if (_maxSymbol is { } cap && after + othersNotional > cap)
        {
            binding.Consider(Math.Max(0m, cap - othersNotional) - before, RiskText.Of(
                $"{group} is worth {after + othersNotional} USDT against the {cap} USDT symbol cap"));
        }

        if (binding.Why is { } why)
        {
            return RiskSizing.FitNotional(check, binding.MaxNotional, why);
        }

        return RuleVerdict.Approve(check.Quantity, marginText);
    }
}
