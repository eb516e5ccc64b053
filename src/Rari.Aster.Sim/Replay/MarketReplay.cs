using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Replay;

/// <summary>
/// Replays the recorded bars of every symbol merged by time. The market clock starts at the first bar's open with
/// nothing replayed; a minute is replayed when the clock reaches its close (open + 60 s), and then every subscriber
/// of <see cref="BarsReplayed"/> hears about it, in time order, before the clock moves on.
/// </summary>
/// <remarks>
/// <para>Market time is the replay's time: stream event times and kline times are market times. The REST
/// <c>/time</c> endpoint and authentication use the wall clock instead.</para>
/// <para><see cref="BarsReplayed"/> is raised synchronously on the thread that advances the clock, under the replay's
/// lock: handlers (the Venue wiring, the stream hub) see minutes one at a time and in order, and must not block.</para>
/// </remarks>
public sealed class MarketReplay
{
    private readonly Dictionary<Symbol, MarketSymbol> _bySymbol = [];
    private readonly long[] _minutes;
    private readonly (int Symbol, int Bar)[][] _entries;
    private readonly Lock _gate = new();
    private int _next;
    private long _marketTimeMs;

    /// <summary>Builds the merged timeline of <paramref name="symbols"/>.</summary>
    public MarketReplay(IReadOnlyList<MarketSymbol> symbols)
    {
        Symbols = symbols;
        foreach (var symbol in symbols)
        {
            _bySymbol.Add(symbol.Symbol, symbol);
        }

        var timeline = new SortedDictionary<long, List<(int, int)>>();
        for (var s = 0; s < symbols.Count; s++)
        {
            var bars = symbols[s].Series.Bars;
            for (var b = 0; b < bars.Count; b++)
            {
                if (!timeline.TryGetValue(bars[b].OpenTimeMs, out var list))
                {
                    list = [];
                    timeline.Add(bars[b].OpenTimeMs, list);
                }

                list.Add((s, b));
            }
        }

        _minutes = [.. timeline.Keys];
        _entries = [.. timeline.Values.Select(list => list.ToArray())];
        DataStartMs = _minutes.Length > 0 ? _minutes[0] : 0;
        DataEndMs = _minutes.Length > 0 ? _minutes[^1] + SymbolSeries.BarMs : 0;
        _marketTimeMs = DataStartMs;
    }

    /// <summary>Raised once per replayed minute with every symbol's bar of that minute.</summary>
    public event EventHandler<ReplayedBarsEventArgs>? BarsReplayed;

    /// <summary>The served symbols, in a fixed order.</summary>
    public IReadOnlyList<MarketSymbol> Symbols { get; }

    /// <summary>Open time of the first recorded minute (0 without data).</summary>
    public long DataStartMs { get; }

    /// <summary>Close of the last recorded minute (0 without data).</summary>
    public long DataEndMs { get; }

    /// <summary>The market clock, UTC epoch ms.</summary>
    public long MarketTimeMs => Volatile.Read(ref _marketTimeMs);

    /// <summary>How many distinct minutes the data holds.</summary>
    public int MinuteCount => _minutes.Length;

    /// <summary>How many minutes have been replayed.</summary>
    public int ReplayedMinutes => Volatile.Read(ref _next);

    /// <summary>Whether every minute has been replayed.</summary>
    public bool IsFinished => ReplayedMinutes >= _minutes.Length;

    /// <summary>The open time of the next minute to replay, or null when finished.</summary>
    public long? NextMinuteMs
    {
        get
        {
            var next = ReplayedMinutes;
            return next < _minutes.Length ? _minutes[next] : null;
        }
    }

    /// <summary>The served symbol, or null when it has no data here.</summary>
    public MarketSymbol? Find(Symbol symbol) => _bySymbol.GetValueOrDefault(symbol);

    /// <summary>Replays the next <paramref name="minutes"/> minutes; the clock ends at the close of the last one.</summary>
    /// <returns>How many minutes were replayed (fewer at the end of the data).</returns>
    public int Step(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        lock (_gate)
        {
            var done = 0;
            while (done < minutes && _next < _minutes.Length)
            {
                ReplayNext();
                done++;
            }

            return done;
        }
    }

    /// <summary>
    /// Moves the clock to <paramref name="timeMs"/>, replaying every minute that closes by then. The clock never moves
    /// back; past the end of the data it stops at <see cref="DataEndMs"/>.
    /// </summary>
    /// <returns>How many minutes were replayed.</returns>
    public int AdvanceTo(long timeMs)
    {
        lock (_gate)
        {
            var done = 0;
            while (_next < _minutes.Length && _minutes[_next] + SymbolSeries.BarMs <= timeMs)
            {
                ReplayNext();
                done++;
            }

            var target = Math.Min(timeMs, Math.Max(DataEndMs, DataStartMs));
            if (target > _marketTimeMs)
            {
                Volatile.Write(ref _marketTimeMs, target);
            }

            return done;
        }
    }

    /// <summary>
    /// The live market's closed minute of one symbol: appended to its series and visible at once (klines, tickers);
    /// the market clock moves to its close if it stands before. Raises no <see cref="BarsReplayed"/>: the live market
    /// publishes and fills on the upstream's own events. Returns false when the bar does not open after the last one.
    /// </summary>
    internal bool AppendLive(MarketSymbol symbol, in Kline bar)
    {
        lock (_gate)
        {
            if (!symbol.Series.Append(bar))
            {
                return false;
            }

            symbol.MarkReplayed(symbol.Series.Bars.Count);
            MoveLiveTime(bar.OpenTimeMs + SymbolSeries.BarMs);
            return true;
        }
    }

    /// <summary>The live market's clock: the upstream's event time; it never moves back.</summary>
    internal void MoveLiveTime(long timeMs)
    {
        lock (_gate)
        {
            if (timeMs > _marketTimeMs)
            {
                Volatile.Write(ref _marketTimeMs, timeMs);
            }
        }
    }

    private void ReplayNext()
    {
        var openTime = _minutes[_next];
        var entries = _entries[_next];
        var bars = new ReplayedBar[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var (s, b) = entries[i];
            var symbol = Symbols[s];
            symbol.MarkReplayed(b + 1);
            bars[i] = new ReplayedBar(symbol, symbol.Series.Bars[b], b, symbol.BookUpdateId);
        }

        Volatile.Write(ref _next, _next + 1);
        Volatile.Write(ref _marketTimeMs, openTime + SymbolSeries.BarMs);
        BarsReplayed?.Invoke(this, new ReplayedBarsEventArgs(openTime, bars));
    }
}
