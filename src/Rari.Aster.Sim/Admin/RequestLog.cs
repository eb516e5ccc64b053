namespace Rari.Aster.Sim.Admin;

/// <summary>
/// One REST request as the simulator saw it, for <c>GET /_sim/requests</c>: what was sent (query and body verbatim,
/// signatures included), who it was for and how it was answered.
/// </summary>
/// <remarks>API secrets never travel in requests and are never stored; the API-key header is not stored either,
/// the account name identifies the caller.</remarks>
/// <param name="Id">Sequence number, from 1.</param>
/// <param name="TimeMs">Wall-clock arrival time, UTC epoch ms.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without the query string.</param>
/// <param name="Query">Raw query string without the <c>?</c>.</param>
/// <param name="Body">Raw body text.</param>
/// <param name="Account">The authenticated account, or null (public endpoint or refused before authentication).</param>
/// <param name="Status">HTTP status answered, or 0 when the connection was cut off (injected hang).</param>
/// <param name="ErrorCode">Aster error code of an error reply, or null.</param>
/// <param name="Fault">The injected fault, if any (e.g. <c>unknownStatus</c>, <c>hang</c>).</param>
/// <param name="DurationMs">Time from arrival to answer, in milliseconds.</param>
public sealed record RequestLogEntry(
    long Id,
    long TimeMs,
    string Method,
    string Path,
    string Query,
    string Body,
    string? Account,
    int Status,
    int? ErrorCode,
    string? Fault,
    long DurationMs);

/// <summary>The most recent REST requests, oldest dropped first. Thread-safe.</summary>
public sealed class RequestLog
{
    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private long _nextId;

    /// <summary>Keeps at most <paramref name="capacity"/> entries.</summary>
    public RequestLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>The next sequence number, reserved when a request arrives.</summary>
    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Records a finished request.</summary>
    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > _capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    /// <summary>The remembered requests in order of completion, optionally only those whose path contains <paramref name="pathContains"/>.</summary>
    public IReadOnlyList<RequestLogEntry> Snapshot(string? pathContains = null)
    {
        lock (_gate)
        {
            return [.. _entries.Where(e => pathContains is null || e.Path.Contains(pathContains, StringComparison.Ordinal))];
        }
    }

    /// <summary>Forgets every request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
