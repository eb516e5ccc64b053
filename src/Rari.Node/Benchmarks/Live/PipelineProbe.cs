using System.Diagnostics;
using HdrHistogram;
using Rari.Domain.Identifiers;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// Records, per symbol, when its latest market event was fed, and at each order intent's arrival at the risk gate how
/// long after that event it came (HdrHistogram, in microseconds). With 20 symbols at 10 k events/s a symbol's events are
/// 2 ms apart, so an intent arriving sooner than that belongs to the latest event of its symbol.
/// </summary>
internal sealed class PipelineProbe
{
    private readonly Dictionary<Symbol, int> _index;
    private readonly long[] _fedAt;
    private readonly Lock _gate = new();
    private readonly LongHistogram _latency = new(10_000_000, 3);
    private long _intents;
    private bool _recording;

    /// <summary>A probe for these symbols.</summary>
    public PipelineProbe(IReadOnlyList<Symbol> symbols)
    {
        _index = new Dictionary<Symbol, int>(symbols.Count);
        for (var i = 0; i < symbols.Count; i++)
        {
            _index[symbols[i]] = i;
        }

        _fedAt = new long[symbols.Count];
    }

    /// <summary>Intents that reached the risk gate.</summary>
    public long Intents => Interlocked.Read(ref _intents);

    /// <summary>Whether arrivals are put into the histogram (off while warming up); set by the pacing thread, read by the actors'.</summary>
    public bool Recording
    {
        get => Volatile.Read(ref _recording);
        set => Volatile.Write(ref _recording, value);
    }

    /// <summary>Notes that the market event of symbol number <paramref name="symbol"/> was fed at <paramref name="timestamp"/>.</summary>
    public void Fed(int symbol, long timestamp) => Volatile.Write(ref _fedAt[symbol], timestamp);

    /// <summary>Notes an intent's arrival.</summary>
    public void IntentArrived(Symbol symbol, long timestamp)
    {
        Interlocked.Increment(ref _intents);
        if (!Recording || !_index.TryGetValue(symbol, out var index))
        {
            return;
        }

        var fed = Volatile.Read(ref _fedAt[index]);
        if (fed == 0)
        {
            return;
        }

        var micros = Math.Max(1, (long)((timestamp - fed) * 1_000_000.0 / Stopwatch.Frequency));
        lock (_gate)
        {
            _latency.RecordValue(Math.Min(micros, _latency.HighestTrackableValue));
        }
    }

    /// <summary>The latency at a percentile, in microseconds, and how many were recorded.</summary>
    public (double Micros, long Count) Percentile(double percentile)
    {
        lock (_gate)
        {
            return (_latency.GetValueAtPercentile(percentile), _latency.TotalCount);
        }
    }
}
