namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Hard notional caps on worst-case exposure: one symbol's (<see cref="RiskSettings.MaxSymbolNotional"/>, when set) and
/// all symbols' together (<see cref="RiskSettings.MaxTotalNotional"/> when set, and always
/// <see cref="RiskSettings.MaxGrossLeverage"/> × equity). Resizes down to fit.
/// </summary>
/// <remarks>
/// The total is the sum of each symbol's gross worst case, the larger of its long and short measures (see
/// <c>Exposure</c>). When the account is already over the total cap, an order may still grow its direction up to the
/// symbol's other direction, which does not raise the total.
/// </remarks>
public sealed class NotionalCapsRule : IRiskRule
{
    private readonly decimal? _maxSymbol;
    private readonly decimal? _maxTotal;
    private readonly decimal _maxGrossLeverage;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public NotionalCapsRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validated();
        _maxSymbol = valid.MaxSymbolNotional;
        _maxTotal = valid.MaxTotalNotional;
        _maxGrossLeverage = valid.MaxGrossLeverage;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.NotionalCaps;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var view = check.View;
        var before = Exposure.Base(view, check.Direction);
        var after = Math.Max(0m, before + check.Notional);
        var side = PositionRiskRule.Side(check);

        var binding = new RiskSizing.Tightest();
        var symbolText = string.Empty;
        if (_maxSymbol is { } symbolCap)
        {
            symbolText = RiskText.Of($"worst-case {side} notional of {view.Symbol} {after} USDT against the {symbolCap} USDT symbol cap");
            if (after > symbolCap)
            {
                binding.Consider(symbolCap - before, symbolText);
            }
        }

        var rest = 0m;
        foreach (var other in check.Context.Symbols)
        {
            if (other.Symbol != view.Symbol)
            {
                rest += Exposure.Gross(other);
            }
        }

        var equity = check.Context.Equity;
        var relativeCap = _maxGrossLeverage * equity;
        var totalCap = _maxTotal is { } absolute ? Math.Min(absolute, relativeCap) : relativeCap;
        var otherDirection = Exposure.Worst(view, -check.Direction);
        var total = rest + Math.Max(after, otherDirection);
        var capText = _maxTotal is { } hard && hard < relativeCap
            ? RiskText.Of($"the {hard} USDT total cap")
            : RiskText.Of($"the total cap {_maxGrossLeverage} × equity {equity} = {relativeCap} USDT");
        var totalText = RiskText.Of($"worst-case total notional {total} USDT against {capText}");
        var allowed = Math.Max(totalCap - rest, otherDirection);
        if (after > allowed)
        {
            binding.Consider(allowed - before, totalText);
        }

        if (binding.Why is { } why)
        {
            return RiskSizing.FitNotional(check, binding.MaxNotional, why);
        }

        return RuleVerdict.Approve(check.Quantity, symbolText.Length == 0 ? totalText : symbolText + "; " + totalText);
    }
}
