using Rari.Domain.Orders;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Keeps LIMIT prices near the mark: no further than <see cref="RiskSettings.LimitPriceBand"/> either way (a mistyped
/// price), and crossing the mark by no more than <see cref="RiskSettings.MarketableLimitBand"/> (a BUY above it, a SELL
/// below it: a market order in disguise, without the slippage check). Other order types pass.
/// </summary>
public sealed class PriceBandRule : IRiskRule
{
    private readonly decimal _band;
    private readonly decimal _crossBand;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public PriceBandRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validated();
        _band = valid.LimitPriceBand;
        _crossBand = valid.MarketableLimitBand;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.PriceBand;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        if (check.Intent.Type != OrderType.Limit)
        {
            return RuleVerdict.Approve(check.Quantity, "not a LIMIT order: no price to check");
        }

        var price = check.Intent.Price!.Value;
        var mark = check.View.MarkPrice;
        var offset = price - mark;
        var side = OrderWireNames.Of(check.Intent.Side);
        var where = offset >= 0m ? "above" : "below";
        var distance = RiskText.Of($"{RiskText.Percent(Math.Abs(offset) / mark)} {where} the mark {mark}");
        if (check.Direction * offset > mark * _crossBand)
        {
            return RuleVerdict.Deny(RiskText.Of(
                $"{side} limit {price} is {distance}, crossing it by more than {RiskText.Percent(_crossBand)}"));
        }

        if (Math.Abs(offset) > mark * _band)
        {
            return RuleVerdict.Deny(RiskText.Of(
                $"{side} limit {price} is {distance}, outside the {RiskText.Percent(_band)} band"));
        }

        return RuleVerdict.Approve(check.Quantity, RiskText.Of($"{side} limit {price} is {distance}, inside the band"));
    }
}
