using Rari.Domain.Strategies;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Applies the trading state, the stricter of the global one and the symbol's: <see cref="TradingState.Halted"/> denies
/// every order that reaches the rules (only reduce-only and closing orders, which bypass them, go out);
/// <see cref="TradingState.Reducing"/> denies any order that would increase the position's size.
/// </summary>
public sealed class TradingStateRule : IRiskRule
{
    /// <inheritdoc />
    public string Name => RiskRuleNames.TradingState;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var global = check.Context.GlobalTradingState;
        var own = check.View.TradingState;
        var state = (TradingState)Math.Max((byte)global, (byte)own);
        var where = global >= own ? "all trading" : RiskText.Of($"trading in {check.View.Symbol}");
        switch (state)
        {
            case TradingState.Halted:
                return RuleVerdict.Deny(RiskText.Of($"{where} is halted: only reduce-only and closing orders pass"));
            case TradingState.Reducing when check.OpeningQuantity > 0m:
                return RuleVerdict.Deny(RiskText.Of(
                    $"{where} is reducing only: this order would take the position from {check.PositionQuantity} to {check.ResultingQuantity}"));
            case TradingState.Reducing:
                return RuleVerdict.Approve(check.Quantity, RiskText.Of(
                    $"{where} is reducing only and this order shrinks the position from {check.PositionQuantity} to {check.ResultingQuantity}"));
            default:
                return RuleVerdict.Approve(check.Quantity, "trading is active");
        }
    }
}
