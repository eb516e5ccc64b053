using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Holds each symbol to its asset's maximum leverage from the asset table: the leverage set on the symbol may not exceed
/// it (denied: lower the setting first), and the symbol's worst-case notional may not exceed that many times equity. Also
/// keeps the worst-case position within the venue's bracket limit at the configured leverage
/// (<see cref="Instruments.Instrument.MaxNotionalAt"/>), which the exchange would otherwise reject. Resizes down to fit.
/// </summary>
public sealed class LeverageRule : IRiskRule
{
    private readonly AssetProfileTable _assets;

    /// <summary>Creates the rule.</summary>
    /// <param name="assets">The per-asset table; its leverage is each asset's maximum.</param>
    public LeverageRule(AssetProfileTable assets) => _assets = assets ?? throw new ArgumentNullException(nameof(assets));

    /// <inheritdoc />
    public string Name => RiskRuleNames.Leverage;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var view = check.View;
        var maxLeverage = _assets.For(view.Symbol).Leverage;
        if (view.Leverage > maxLeverage && check.OpeningQuantity > 0m)
        {
            return RuleVerdict.Deny(RiskText.Of(
                $"{view.Symbol} is set to {view.Leverage}x, above the asset table's {maxLeverage}x: lower its leverage first"));
        }

        var before = Exposure.Base(view, check.Direction);
        var after = Math.Max(0m, before + check.Notional);
        var equity = check.Context.Equity;
        var effectiveCap = maxLeverage * equity;
        var side = PositionRiskRule.Side(check);
        var effectiveText = RiskText.Of(
            $"worst-case {side} notional {after} USDT against {maxLeverage}x equity {equity} = {effectiveCap} USDT");
        var binding = new RiskSizing.Tightest();
        if (after > effectiveCap)
        {
            binding.Consider(Math.Max(0m, effectiveCap) - before, effectiveText);
        }

        var bracketCap = view.Instrument.MaxNotionalAt(view.Leverage);
        var bracketText = RiskText.Of(
            $"the venue allows {bracketCap} USDT at {view.Leverage}x");
        if (after > bracketCap)
        {
            binding.Consider(bracketCap - before, RiskText.Of($"worst-case {side} notional {after} USDT is above what {bracketText}"));
        }

        if (binding.Why is { } why)
        {
            return RiskSizing.FitNotional(check, binding.MaxNotional, why);
        }

        return RuleVerdict.Approve(check.Quantity, RiskText.Of($"{effectiveText}; {bracketText}"));
    }
}
