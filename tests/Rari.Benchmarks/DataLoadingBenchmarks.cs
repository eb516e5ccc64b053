using BenchmarkDotNet.Attributes;
using Rari.Backtest.Data;
using Rari.Domain.Data;
using Rari.TestKit;

namespace Rari.Benchmarks;

/// <summary>Loading one month and a half of 1-minute bars (73,140 rows): parsing the CSV.gz, and reading the binary cache.</summary>
[MemoryDiagnoser]
public class DataLoadingBenchmarks
{
    private byte[] _gzip = null!;
    private string _file = null!;
    private KlineCache _cache = null!;
    private string _cacheFolder = null!;

    /// <summary>Reads the file into memory and writes its cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _file = SharedData.File(RecordedBars.EthFile);
        _gzip = File.ReadAllBytes(_file);
        _cacheFolder = Directory.CreateTempSubdirectory("rari-bdn-cache-").FullName;
        _cache = new KlineCache(_cacheFolder);
        _cache.Load(_file);
    }

    /// <summary>Deletes the cache.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_cacheFolder, recursive: true);

    /// <summary>Parses and validates every row of the gzip-compressed CSV (from memory, so no disk time).</summary>
    [Benchmark]
    public int ParseCsvGz()
    {
        using var stream = new MemoryStream(_gzip);
        var rows = 0;
        foreach (var _ in KlineCsvReader.Read(stream, "ETHUSDT"))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>Maps the cache file and copies its rows out.</summary>
    [Benchmark]
    public int ReadCache() => _cache.Load(_file).Length;
}
