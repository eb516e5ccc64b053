using Rari.Actors.MarketData;
using Rari.Actors.Symbols;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// The market of the live-pipeline benchmarks: <see cref="Count"/> symbols (E01USDT…E20USDT), each trading the
/// ETHUSDT 2025 recording under its own name with ETHUSDT's filters; the first <see cref="HistoryBars"/> bars are the
/// strategies' warm-up history, the rest are fed live. One kline file per symbol is written to a temporary folder for
/// the simulator, whose WebSocket the market-data stream connects to.
/// </summary>
internal sealed class BenchMarket : IKlineHistory, IDisposable
{
    /// <summary>Symbols traded at once.</summary>
    public const int Count = 20;

    /// <summary>Bars each strategy warms up on before the live feed starts.</summary>
    public const int HistoryBars = 300;

    private readonly Kline[] _bars;

    /// <summary>Loads the recording and writes the simulator's files.</summary>
    public BenchMarket(string ethFile, Instrument eth)
    {
        _bars = [.. KlineCsvReader.Read(ethFile)];
        Folder = Path.Combine(Path.GetTempPath(), $"rari-bench-market-{Environment.ProcessId}");
        Directory.CreateDirectory(Folder);
        var symbols = new Symbol[Count];
        var setups = new Dictionary<Symbol, SymbolSetup>(Count);
        var files = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            symbols[i] = new Symbol(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"E{i + 1:00}USDT"));
            setups[symbols[i]] = new SymbolSetup(eth with { Symbol = symbols[i] }, 10, 0.0002m, 0.0004m);
            files[i] = Path.Combine(Folder, $"{symbols[i]}-1m-20250504-20250624.csv.gz");
            File.Copy(ethFile, files[i], overwrite: true);
        }

        Symbols = symbols;
        Catalog = new SymbolCatalog(setups);
        Files = files;
    }

    /// <summary>The traded symbols.</summary>
    public IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>Their filters, leverage and fees.</summary>
    public SymbolCatalog Catalog { get; }

    /// <summary>The simulator's data files, one per symbol.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The temporary folder of <see cref="Files"/>.</summary>
    public string Folder { get; }

    /// <summary>Bars available to feed live per symbol.</summary>
    public int LiveBars => _bars.Length - HistoryBars;

    /// <summary>The <paramref name="index"/>-th live bar (wrapping around), as every symbol trades it.</summary>
    public Kline LiveBar(long index) => _bars[HistoryBars + (int)(index % LiveBars)];

    /// <inheritdoc />
    public Task<IReadOnlyList<Kline>> GetClosedKlinesAsync(Symbol symbol, int count, CancellationToken cancellationToken = default)
    {
        var take = Math.Min(count, HistoryBars);
        return Task.FromResult<IReadOnlyList<Kline>>(_bars.AsSpan(HistoryBars - take, take).ToArray());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
