using Rari.Domain.Identifiers;

namespace Rari.Actors.Audit;

/// <summary>The step of an order's life an audit entry records.</summary>
public enum AuditKind : byte
{
    /// <summary>A strategy decided to place an order (its intent and reason).</summary>
    Intent = 1,

    /// <summary>The risk gate judged it: approved, resized or denied, with the rule and reason.</summary>
    Verdict = 2,

    /// <summary>The gateway sent it to the exchange.</summary>
    Submission = 3,

    /// <summary>The exchange answered the submission (accepted, rejected, or unknown and then resolved).</summary>
    Response = 4,

    /// <summary>The order filled, in part or in full.</summary>
    Fill = 5,

    /// <summary>A cancel was asked for or confirmed.</summary>
    Cancel = 6,

    /// <summary>Reconciliation adopted, cancelled or resolved an order at start.</summary>
    Reconciliation = 7,
}

/// <summary>One line of the order audit trail: what happened to which order, when and why.</summary>
/// <param name="Kind">The step.</param>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="TimestampMs">Exchange (market) time of the step, UTC epoch milliseconds.</param>
/// <param name="Detail">The step's facts in plain words: side, quantity, price, verdict, code, reason.</param>
public sealed record AuditEntry(AuditKind Kind, Symbol Symbol, ClientOrderId ClientOrderId, long TimestampMs, string Detail);

/// <summary>
/// Where actors write the order audit trail. The node writes it as structured JSON lines to its own file (separate from
/// the diagnostic log); tests collect it in memory. Implementations must be thread-safe and must not block.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records one entry.</summary>
    void Record(AuditEntry entry);
}

/// <summary>An audit trail that drops everything (for specs that do not look at it).</summary>
public sealed class NoAuditTrail : IAuditTrail
{
    /// <summary>The one instance.</summary>
    public static NoAuditTrail Instance { get; } = new();

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
    }
}
