namespace Rari.Domain.Market;

/// <summary>
/// Folds klines of a short interval (normally <c>1m</c>) into bars of a longer one, e.g. <c>5m</c>, <c>1h</c> or
/// <c>1M</c>, one input at a time, so live streams and recorded files share one code path.
/// </summary>
/// <remarks>
/// <para>A bar is emitted as soon as it is known to be complete: when the input that ends exactly at the bar's close
/// arrives, or, if that input is missing, when the first input of a later bar arrives. Inputs missing inside a bar
/// (gaps) simply do not contribute; a bar with no inputs at all is never emitted (nothing is forward-filled), which
/// matches the exchange's own klines over maintenance windows.</para>
/// <para>The aggregated bar opens at the target interval's open time; open is the first input's open, close the last
/// input's close, high/low the extremes, and volume, quote volume and trade count the sums.</para>
/// <para>Not thread-safe: one aggregator per stream.</para>
/// </remarks>
public sealed class KlineAggregator
{
    private readonly long _sourceDurationMs;
    private Kline _pending;
    private bool _hasPending;
    private long _pendingCloseMs;
    private long _lastOpenTimeMs = long.MinValue;

    /// <summary>Creates an aggregator from <c>1m</c> klines into <paramref name="target"/>.</summary>
    public KlineAggregator(KlineInterval target)
        : this(KlineInterval.OneMinute, target)
    {
    }

    /// <summary>Creates an aggregator from <paramref name="source"/> klines into <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The source is <c>1M</c>, or a target bar is not made of whole source bars (e.g. <c>3d</c> into <c>1w</c>).
    /// </exception>
    public KlineAggregator(KlineInterval source, KlineInterval target)
    {
        if (!source.IsFixedLength)
        {
            throw new ArgumentException("The source interval must have a fixed length; 1M cannot be aggregated further.", nameof(source));
        }

        var sourceMs = source.DurationMs;

        // Every target boundary must also be a source boundary; otherwise one source bar would straddle two targets.
        var fits = target.IsFixedLength
            ? target.DurationMs % sourceMs == 0 && target.OpenTimeOf(0) % sourceMs == 0
            : KlineInterval.OneDay.DurationMs % sourceMs == 0;
        if (!fits)
        {
            throw new ArgumentException($"{target} bars are not made of whole {source} bars, so {source} klines cannot be aggregated into {target}.", nameof(target));
        }

        Source = source;
        Target = target;
        _sourceDurationMs = sourceMs;
    }

    /// <summary>The interval of the klines fed in.</summary>
    public KlineInterval Source { get; }

    /// <summary>The interval of the bars produced.</summary>
    public KlineInterval Target { get; }

    /// <summary>The bar being built from the inputs so far, or null when no input is waiting for its bar to close.</summary>
    public Kline? Pending => _hasPending ? _pending : null;

    /// <summary>Aggregates a whole sequence lazily, e.g. a recorded file of <c>1m</c> klines.</summary>
    /// <param name="source">Klines of <paramref name="sourceInterval"/>, strictly increasing in open time.</param>
    /// <param name="sourceInterval">The interval of <paramref name="source"/>.</param>
    /// <param name="target">The interval to produce.</param>
    /// <param name="emitUnfinishedLast">
    /// Whether to emit the last bar when the data ends before that bar's close; false (the default) drops it, because
    /// a live stream would not have closed it yet.
    /// </param>
    public static IEnumerable<Kline> Aggregate(
        IEnumerable<Kline> source, KlineInterval sourceInterval, KlineInterval target, bool emitUnfinishedLast = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        var aggregator = new KlineAggregator(sourceInterval, target);
        return Run(aggregator, source, emitUnfinishedLast);
    }

    /// <summary>Adds the next input kline and returns the bars (zero, one or two) it completed, oldest first.</summary>
    /// <remarks>Two bars complete together only when a gap ends on the last input of a later bar.</remarks>
    /// <exception cref="ArgumentException">
    /// The kline's open time is not aligned to <see cref="Source"/> or not after the previous input's.
    /// </exception>
    public CompletedKlines Add(in Kline kline)
    {
        var openTime = kline.OpenTimeMs;
        if (!Source.IsOpenTime(openTime))
        {
            throw new ArgumentException($"Kline open time {openTime} is not aligned to the {Source} interval.", nameof(kline));
        }

        if (openTime <= _lastOpenTimeMs)
        {
            throw new ArgumentException(
                $"Kline open time {openTime} is not after the previous input's {_lastOpenTimeMs}; feed klines in strictly increasing order.",
                nameof(kline));
        }

        _lastOpenTimeMs = openTime;

        // A pending bar is only ever left open when its last input has not arrived; an input past its close ends it.
        var closedByGap = default(Kline);
        var hasClosedByGap = false;
        if (_hasPending && openTime >= _pendingCloseMs)
        {
            closedByGap = _pending;
            hasClosedByGap = true;
            _hasPending = false;
        }

        if (_hasPending)
        {
            _pending = new Kline(
                _pending.OpenTimeMs,
                _pending.Open,
                Math.Max(_pending.High, kline.High),
                Math.Min(_pending.Low, kline.Low),
                kline.Close,
                _pending.Volume + kline.Volume,
                _pending.QuoteVolume + kline.QuoteVolume,
                _pending.Trades + kline.Trades);
        }
        else
        {
            _pending = kline with { OpenTimeMs = Target.OpenTimeOf(openTime) };
            _pendingCloseMs = Target.NextOpenTime(openTime);
            _hasPending = true;
        }

        if (openTime + _sourceDurationMs == _pendingCloseMs)
        {
            _hasPending = false;
            return hasClosedByGap ? new CompletedKlines(closedByGap, _pending) : new CompletedKlines(_pending);
        }

        return hasClosedByGap ? new CompletedKlines(closedByGap) : default;
    }

    /// <summary>
    /// Ends the current bar early and returns it (e.g. at the end of recorded data), or null when nothing is pending.
    /// </summary>
    /// <remarks>Later inputs must still be after the last one added.</remarks>
    public Kline? Flush()
    {
        if (!_hasPending)
        {
            return null;
        }

        _hasPending = false;
        return _pending;
    }

    private static IEnumerable<Kline> Run(KlineAggregator aggregator, IEnumerable<Kline> source, bool emitUnfinishedLast)
    {
        foreach (var kline in source)
        {
            var completed = aggregator.Add(kline);
            for (var i = 0; i < completed.Count; i++)
            {
                yield return completed[i];
            }
        }

        if (emitUnfinishedLast && aggregator.Flush() is { } last)
        {
            yield return last;
        }
    }
}
