namespace Rari.Domain.Risk;

/// <summary>
/// One pre-trade rule: given an order (with the quantity the earlier rules left it) and the context, it approves the
/// quantity, resizes it down, or denies the order, saying why with the numbers. Rules are composed in order by a
/// <see cref="RiskEngine"/>; a resize feeds the next rule.
/// </summary>
/// <remarks>
/// A rule is pure and deterministic: the same check and context give the same verdict, with no clock, no randomness
/// and no state of its own. It may resize only down (never to more than <see cref="RiskCheck.Quantity"/>) and should not
/// allocate beyond its reason text. Orders that cannot add exposure (<see cref="RiskRequest.IsExposureSafe"/>) never
/// reach the rules.
/// </remarks>
public interface IRiskRule
{
    /// <summary>The rule's name, used to sign its outcome, e.g. <c>per-trade-risk</c>.</summary>
    string Name { get; }

    /// <summary>Judges the order at <see cref="RiskCheck.Quantity"/>.</summary>
    RuleVerdict Evaluate(in RiskCheck check);
}
