using System.Diagnostics.CodeAnalysis;

namespace Rari.Domain.Instruments;

/// <summary>
/// The outcome of <see cref="InstrumentRules.Normalize"/>: either the rounded order, which passes every filter, or the
/// violation explaining why the intended order cannot be placed.
/// </summary>
public sealed record NormalizationResult
{
    private NormalizationResult(OrderCheck? order, FilterViolation? violation)
    {
        Order = order;
        Violation = violation;
    }

    /// <summary>The rounded order, ready to send; null when <see cref="IsValid"/> is false.</summary>
    public OrderCheck? Order { get; }

    /// <summary>Why the order cannot be placed; null when <see cref="IsValid"/> is true.</summary>
    public FilterViolation? Violation { get; }

    /// <summary>Whether normalization produced a valid order.</summary>
    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Violation))]
    public bool IsValid => Order is not null;

    internal static NormalizationResult Valid(OrderCheck order) => new(order, null);

    internal static NormalizationResult Invalid(FilterViolation violation) => new(null, violation);
}
