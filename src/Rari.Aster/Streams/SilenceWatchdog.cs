namespace Rari.Aster.Streams;

/// <summary>
/// Remembers when each subscribed stream last delivered and finds the ones silent for longer than the timeout. Each
/// stream is reported once when it falls silent and once when it delivers again. Thread-safe.
/// </summary>
internal sealed class SilenceWatchdog(long timeoutMs)
{
    private readonly Dictionary<string, Entry> _streams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Starts watching streams as of <paramref name="nowMs"/> (a stream already watched keeps its history).</summary>
    public void Track(IEnumerable<string> streams, long nowMs)
    {
        lock (_gate)
        {
            foreach (var stream in streams)
            {
                _streams.TryAdd(stream, new Entry(nowMs));
            }
        }
    }

    /// <summary>Stops watching streams.</summary>
    public void Untrack(IEnumerable<string> streams)
    {
        lock (_gate)
        {
            foreach (var stream in streams)
            {
                _streams.Remove(stream);
            }
        }
    }

    /// <summary>Notes a message on <paramref name="stream"/>; returns how long it had been silent if it was reported silent, else null.</summary>
    public long? Seen(string stream, long nowMs)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var entry))
            {
                return null;
            }

            var silentFor = entry.ReportedSilent ? nowMs - entry.LastMs : (long?)null;
            entry.LastMs = nowMs;
            entry.ReportedSilent = false;
            return silentFor;
        }
    }

    /// <summary>The streams that have fallen silent since the last check, with the earliest last-message time among them.</summary>
    public (IReadOnlyList<string> Streams, long SinceMs)? Check(long nowMs)
    {
        lock (_gate)
        {
            List<string>? silent = null;
            var since = long.MaxValue;
            foreach (var (stream, entry) in _streams)
            {
                if (!entry.ReportedSilent && nowMs - entry.LastMs > timeoutMs)
                {
                    entry.ReportedSilent = true;
                    (silent ??= []).Add(stream);
                    since = Math.Min(since, entry.LastMs);
                }
            }

            if (silent is null)
            {
                return null;
            }

            silent.Sort(StringComparer.Ordinal);
            return (silent, since);
        }
    }

    private sealed class Entry(long lastMs)
    {
        public long LastMs { get; set; } = lastMs;

        public bool ReportedSilent { get; set; }
    }
}
