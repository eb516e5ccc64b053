using Rari.Actors.Audit;
using Serilog;

namespace Rari.Node.Logging;

/// <summary>
/// Writes the order audit trail as structured events to the audit log, and echoes the steps a person watching the
/// console cares about (orders sent, answered, filled) to the diagnostic log.
/// </summary>
/// <param name="audit">The audit pipeline (JSON lines).</param>
/// <param name="diagnostics">The diagnostic pipeline (console and rolling file).</param>
public sealed class SerilogAuditTrail(ILogger audit, ILogger diagnostics) : IAuditTrail
{
    private readonly ILogger _audit = audit ?? throw new ArgumentNullException(nameof(audit));
    private readonly ILogger _diagnostics = (diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))).ForContext("SourceContext", "audit");
    private readonly long[] _byKind = new long[Enum.GetValues<AuditKind>().Max(k => (int)k) + 1];

    /// <summary>Entries of <paramref name="kind"/> recorded since start (for the progress line).</summary>
    public long Count(AuditKind kind) => Interlocked.Read(ref _byKind[(int)kind]);

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Interlocked.Increment(ref _byKind[(int)entry.Kind]);
        var kind = entry.Kind.ToString();
        var symbol = entry.Symbol.Value;
        var order = entry.ClientOrderId.Value;
        _audit.Information(
            "{Kind} {Symbol} {ClientOrderId} at {ExchangeTimeMs}: {Detail}", kind, symbol, order, entry.TimestampMs, entry.Detail);
        if (entry.Kind is AuditKind.Submission or AuditKind.Fill or AuditKind.Reconciliation
            || (entry.Kind == AuditKind.Verdict && !entry.Detail.StartsWith("Approved", StringComparison.Ordinal)))
        {
            _diagnostics.Information("{Kind,-10} {Symbol,-9} {ClientOrderId} {Detail}", kind, symbol, order, entry.Detail);
        }
    }
}
