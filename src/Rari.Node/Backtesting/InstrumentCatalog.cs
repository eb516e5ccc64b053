using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Replay;
using Rari.Backtest.Data;
using Rari.Domain.Instruments;

namespace Rari.Node.Backtesting;

/// <summary>
/// The instruments a backtest trades: the simulator's built-in Aster instruments (BTCUSDT, ETHUSDT, SOLUSDT, SUIUSDT,
/// ASTERUSDT, PENGUUSDT), with an optional override file of the same shape; any other symbol gets rules derived from
/// its prices as the simulator derives them (<see cref="DerivedInstrument"/>), so backtest and simulator agree.
/// </summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, Instrument> _known;

    /// <summary>Loads the built-in instruments, with <paramref name="overridePath"/> applied when given.</summary>
    /// <exception cref="InvalidDataException">The override file is invalid.</exception>
    public InstrumentCatalog(string? overridePath = null)
    {
        _known = InstrumentsFile.Load(overridePath).ToDictionary(s => s.Instrument.Symbol.Value, s => s.Instrument, StringComparer.Ordinal);
    }

    /// <summary>The instrument of the series' symbol, and whether it had to be derived from the data.</summary>
    public (Instrument Instrument, bool Derived) For(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (_known.TryGetValue(series.Symbol.Value, out var instrument))
        {
            return (instrument, false);
        }

        var bars = new ArraySegment<Domain.Market.Kline>(series.Bars, series.Start, series.Count);
        return (DerivedInstrument.For(new SymbolSeries(series.Symbol, bars)).Instrument, true);
    }
}
