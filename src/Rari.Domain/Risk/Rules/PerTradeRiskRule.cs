using Rari.Domain.Orders;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Keeps the loss at the order's stop within <see cref="RiskSettings.MaxPortfolioRisk"/> of equity: the new exposure
/// times the loss per unit at the stop. Resizes down to fit; denies an order with no stop to measure.
/// </summary>
/// <remarks>
/// The loss per unit is the request's <see cref="RiskRequest.WorstCaseLossPerUnit"/>, else the distance from the
/// order's reference price to its stop (<see cref="RiskRequest.StopLossPrice"/>, else the symbol's standing
/// <see cref="SymbolRiskView.StopLossPrice"/>). Fees and slippage past the stop are not included; the slippage rule
/// bounds the entry, and the stop is the strategy's promise. The part of an order that closes the current position
/// risks nothing new.
/// </remarks>
public sealed class PerTradeRiskRule : IRiskRule
{
    private readonly decimal _maxRisk;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public PerTradeRiskRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _maxRisk = settings.Validated().MaxPortfolioRisk;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.PerTradeRisk;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var opening = check.OpeningQuantity;
        if (opening == 0m)
        {
            return RuleVerdict.Approve(check.Quantity, "adds no exposure: no new loss at a stop");
        }

        var equity = check.Context.Equity;
        if (equity <= 0m)
        {
            return RuleVerdict.Deny(RiskText.Of($"equity {equity} USDT is not positive: there is no risk budget"));
        }

        decimal lossPerUnit;
        if (check.Request.WorstCaseLossPerUnit is { } given)
        {
            lossPerUnit = given;
        }
        else if ((check.Request.StopLossPrice ?? check.View.StopLossPrice) is { } stop)
        {
            var entry = check.ReferencePrice;
            lossPerUnit = check.Direction * (entry - stop);
            if (lossPerUnit <= 0m)
            {
                var side = OrderWireNames.Of(check.Intent.Side);
                var needed = check.Direction > 0 ? "below" : "above";
                return RuleVerdict.Deny(RiskText.Of(
                    $"the stop {stop} is not {needed} the {side} entry {entry}: it would not limit the loss"));
            }
        }
        else
        {
            return RuleVerdict.Deny("no stop-loss: the loss at the stop cannot be measured; give the order a stop-loss price or a worst-case loss per unit");
        }

        var loss = opening * lossPerUnit;
        var budget = _maxRisk * equity;
        var measured = RiskText.Of(
            $"loss at the stop {opening} × {lossPerUnit} = {loss} USDT");
        var limit = RiskText.Of($"{RiskText.Percent(_maxRisk)} of equity {equity} = {budget} USDT");
        return loss <= budget
            ? RuleVerdict.Approve(check.Quantity, RiskText.Of($"{measured} is within {limit}"))
            : RiskSizing.FitOpening(check, budget / lossPerUnit, RiskText.Of($"{measured} exceeds {limit}"));
    }
}
