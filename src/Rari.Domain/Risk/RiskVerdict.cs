using System.Diagnostics.CodeAnalysis;
using Rari.Domain.Orders;

namespace Rari.Domain.Risk;

/// <summary>What the risk gate (or one of its rules) says about an order. Journaled with denials: values are never renumbered.</summary>
public enum RiskVerdictKind : byte
{
    /// <summary>The order may go out as asked.</summary>
    Approved = 1,

    /// <summary>The order may go out with a smaller quantity.</summary>
    Resized = 2,

    /// <summary>The order must not go out.</summary>
    Denied = 3,
}

/// <summary>
/// One rule's answer for one order: approve the quantity it was given, resize it down, or deny the order; always with a
/// reason that names the numbers behind it.
/// </summary>
/// <param name="Kind">Approved, Resized or Denied.</param>
/// <param name="Quantity">The quantity the rule lets through: the one it was given when approving, the smaller one when resizing, 0 when denying.</param>
/// <param name="Reason">Why, with the numbers, e.g. "loss at stop 120 USDT is within 10% of equity 10000 = 1000 USDT".</param>
public readonly record struct RuleVerdict(RiskVerdictKind Kind, decimal Quantity, string Reason)
{
    /// <summary>Lets <paramref name="quantity"/> through unchanged.</summary>
    public static RuleVerdict Approve(decimal quantity, string reason) => new(RiskVerdictKind.Approved, quantity, reason);

    /// <summary>Lets only <paramref name="newQuantity"/> through; it must be smaller than the quantity the rule was given.</summary>
    public static RuleVerdict Resize(decimal newQuantity, string reason) => new(RiskVerdictKind.Resized, newQuantity, reason);

    /// <summary>Stops the order.</summary>
    public static RuleVerdict Deny(string reason) => new(RiskVerdictKind.Denied, 0m, reason);
}

/// <summary>One rule's contribution to a <see cref="RiskVerdict"/>, in the order the rules ran.</summary>
/// <param name="Rule">The rule's name, e.g. <c>per-trade-risk</c> (see <see cref="RiskRuleNames"/>).</param>
/// <param name="Kind">What the rule said.</param>
/// <param name="QuantityIn">The quantity the rule was given (after the earlier rules' resizes).</param>
/// <param name="QuantityOut">The quantity it let through; 0 when it denied.</param>
/// <param name="Reason">Why, with the numbers.</param>
public readonly record struct RuleOutcome(string Rule, RiskVerdictKind Kind, decimal QuantityIn, decimal QuantityOut, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => RiskText.Of($"{Rule}: {Kind} {QuantityIn} → {QuantityOut}: {Reason}");
}

/// <summary>
/// The risk gate's verdict on one order intent: <see cref="RiskVerdictKind.Approved"/> (send <see cref="Order"/>, which is
/// the intent as asked), <see cref="RiskVerdictKind.Resized"/> (send <see cref="Order"/>, the intent with the smaller
/// <see cref="NewQuantity"/>) or <see cref="RiskVerdictKind.Denied"/> (send nothing), with every rule's contribution.
/// </summary>
public sealed record RiskVerdict
{
    private RiskVerdict(RiskVerdictKind kind, OrderIntent requested, OrderIntent? order, string reason, string? deniedBy, IReadOnlyList<RuleOutcome> outcomes)
    {
        Kind = kind;
        Requested = requested;
        Order = order;
        Reason = reason;
        DeniedBy = deniedBy;
        Outcomes = outcomes;
    }

    /// <summary>Approved, Resized or Denied.</summary>
    public RiskVerdictKind Kind { get; }

    /// <summary>The intent as the strategy asked for it.</summary>
    public OrderIntent Requested { get; }

    /// <summary>The order to send: the requested intent, or a resized copy; null when denied.</summary>
    public OrderIntent? Order { get; }

    /// <summary>
    /// The verdict in one line: for a denial the denying rule and its reason, for a resize every resizing rule's reason,
    /// for an approval how many rules passed it.
    /// </summary>
    public string Reason { get; }

    /// <summary>The name of the rule that denied the order; null unless denied.</summary>
    public string? DeniedBy { get; }

    /// <summary>Every rule's contribution, in the order they ran; a denial is the last one.</summary>
    public IReadOnlyList<RuleOutcome> Outcomes { get; }

    /// <summary>True when the order may be sent (approved or resized).</summary>
    [MemberNotNullWhen(true, nameof(Order))]
    public bool IsAllowed => Order is not null;

    /// <summary>The quantity after resizing; null unless <see cref="Kind"/> is <see cref="RiskVerdictKind.Resized"/>.</summary>
    public decimal? NewQuantity => Kind == RiskVerdictKind.Resized ? Order!.Quantity : null;

    internal static RiskVerdict Approved(OrderIntent requested, string reason, IReadOnlyList<RuleOutcome> outcomes) =>
        new(RiskVerdictKind.Approved, requested, requested, reason, null, outcomes);

    internal static RiskVerdict Resized(OrderIntent requested, OrderIntent resized, string reason, IReadOnlyList<RuleOutcome> outcomes) =>
        new(RiskVerdictKind.Resized, requested, resized, reason, null, outcomes);

    internal static RiskVerdict Denied(OrderIntent requested, string rule, string reason, IReadOnlyList<RuleOutcome> outcomes) =>
        new(RiskVerdictKind.Denied, requested, null, reason, rule, outcomes);
}
