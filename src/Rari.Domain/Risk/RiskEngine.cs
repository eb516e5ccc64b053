using System.Text;
using Rari.Domain.Orders;
using Rari.Domain.Risk.Rules;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Risk;

/// <summary>
/// The pre-trade risk check: runs the configured rules in order over one order intent and returns the verdict,
/// Approved, Resized(new quantity) or Denied(reason), with every rule's contribution. The risk gate and the backtester
/// call the same engine.
/// </summary>
/// <remarks>
/// <para>Composition: each rule judges the quantity the previous ones left; a resize feeds the next rule, the first
/// denial ends the check. Rules may only shrink the quantity, so the final quantity passed every rule's cap. Orders the
/// venue guarantees cannot add exposure (reduce-only, closePosition, hedge-mode closes; see
/// <see cref="RiskRequest.IsExposureSafe"/>) pass without running the rules, even while trading is halted, and are never
/// resized.</para>
/// <para>Pure, deterministic and thread-safe (the rules hold only settings). A check allocates the outcome list and the
/// reason texts, nothing else.</para>
/// </remarks>
public sealed class RiskEngine
{
    private readonly IRiskRule[] _rules;

    /// <summary>Creates an engine that runs <paramref name="rules"/> in the given order.</summary>
    /// <exception cref="ArgumentException">A rule is null or two rules share a name.</exception>
    public RiskEngine(IEnumerable<IRiskRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<IRiskRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                throw new ArgumentException("A risk rule is null.", nameof(rules));
            }

            if (!names.Add(rule.Name))
            {
                throw new ArgumentException($"Two risk rules are named '{rule.Name}'; each needs its own name.", nameof(rules));
            }

            list.Add(rule);
        }

        _rules = [.. list];
    }

    /// <summary>The rules, in the order they run.</summary>
    public IReadOnlyList<IRiskRule> Rules => _rules;

    /// <summary>
    /// The built-in rules in their default order: trading state, order rate and price band first (they deny, whatever
    /// the size), then volatility scaling (it shrinks the strategy's wish), then the caps (per-trade risk, position risk,
    /// notional caps, leverage, correlation), then liquidity (depth, slippage), and last the liquidation distance of the
    /// final size.
    /// </summary>
    /// <param name="settings">The limits.</param>
    /// <param name="assets">The per-asset table whose leverage is each asset's maximum.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static RiskEngine CreateDefault(RiskSettings settings, AssetProfileTable assets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validated();
        return new RiskEngine(
        [
            new TradingStateRule(),
            new OrderRateRule(valid),
            new PriceBandRule(valid),
            new VolatilityRule(valid),
            new PerTradeRiskRule(valid),
            new PositionRiskRule(valid),
            new NotionalCapsRule(valid),
            new LeverageRule(assets),
            new CorrelationRule(valid),
            new DepthRule(valid),
            new SlippageRule(valid),
            new LiquidationDistanceRule(valid),
        ]);
    }

    /// <summary>Judges one order against the context.</summary>
    /// <exception cref="InvalidOperationException">A rule broke its contract: it resized up or to nothing, or changed the quantity while approving.</exception>
    public RiskVerdict Check(RiskRequest request, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var intent = request.Intent;
        if (request.IsExposureSafe)
        {
            var why = ExposureSafeReason(intent);
            return RiskVerdict.Approved(intent, why, [new RuleOutcome(RiskRuleNames.Gate, RiskVerdictKind.Approved, intent.Quantity ?? 0m, intent.Quantity ?? 0m, why)]);
        }

        var requested = intent.Quantity!.Value;
        if (context.Find(intent.Symbol) is not { } view)
        {
            var why = $"no market view of {intent.Symbol}: its mark price and rules are unknown";
            return RiskVerdict.Denied(
                intent, RiskRuleNames.Gate, $"{RiskRuleNames.Gate}: {why}", [new RuleOutcome(RiskRuleNames.Gate, RiskVerdictKind.Denied, requested, 0m, why)]);
        }

        var outcomes = new List<RuleOutcome>(_rules.Length);
        var quantity = requested;
        foreach (var rule in _rules)
        {
            var verdict = rule.Evaluate(new RiskCheck(request, quantity, view, context));
            if (verdict.Kind == RiskVerdictKind.Denied)
            {
                outcomes.Add(new RuleOutcome(rule.Name, RiskVerdictKind.Denied, quantity, 0m, verdict.Reason));
                return RiskVerdict.Denied(intent, rule.Name, $"{rule.Name}: {verdict.Reason}", outcomes);
            }

            CheckContract(rule, verdict, quantity);
            outcomes.Add(new RuleOutcome(rule.Name, verdict.Kind, quantity, verdict.Quantity, verdict.Reason));
            quantity = verdict.Quantity;
        }

        return quantity == requested
            ? RiskVerdict.Approved(intent, $"approved by {_rules.Length} rules", outcomes)
            : RiskVerdict.Resized(intent, intent.WithQuantity(quantity), ResizeReason(outcomes), outcomes);
    }

    private static void CheckContract(IRiskRule rule, RuleVerdict verdict, decimal quantity)
    {
        var broken = verdict.Kind switch
        {
            RiskVerdictKind.Approved => verdict.Quantity != quantity,
            RiskVerdictKind.Resized => verdict.Quantity <= 0m || verdict.Quantity >= quantity,
            _ => true,
        };

        if (broken)
        {
            throw new InvalidOperationException(RiskText.Of(
                $"Risk rule '{rule.Name}' answered {verdict.Kind} {verdict.Quantity} for quantity {quantity}; a rule may only approve the quantity it was given or resize it down to a positive one."));
        }
    }

    private static string ExposureSafeReason(OrderIntent intent)
    {
        if (intent.ClosePosition)
        {
            return "closes the whole position: it cannot add exposure, so it passes every rule";
        }

        return intent.ReduceOnly
            ? "reduce-only: it cannot add exposure, so it passes every rule"
            : RiskText.Of($"closes the {OrderWireNames.Of(intent.PositionSide)} leg: it cannot add exposure, so it passes every rule");
    }

    private static string ResizeReason(List<RuleOutcome> outcomes)
    {
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            if (outcome.Kind != RiskVerdictKind.Resized)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; then ");
            }

            text.Append(outcome.Rule).Append(": ").Append(outcome.Reason);
        }

        return text.ToString();
    }
}
