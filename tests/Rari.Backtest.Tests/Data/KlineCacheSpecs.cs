using Rari.Backtest.Data;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.TestKit;

namespace Rari.Backtest.Tests.Data;

public sealed class KlineCacheSpecs : IDisposable
{
    private const string Recording = "klines/binance-usdm/SUIUSDT-1m-20250504-20250603.csv.gz";

    private readonly string _folder = Directory.CreateTempSubdirectory("rari-kline-cache-").FullName;

    private string CacheFolder => Path.Combine(_folder, "cache");

    [Fact]
    public void Should_give_the_parsed_rows_on_the_first_load_and_the_same_rows_from_the_cache_after()
    {
        // arrange
        var source = CopyOfRecording();
        var cache = new KlineCache(CacheFolder);
        var parsed = KlineCsvReader.Read(source).ToArray();

        // act
        var first = cache.Load(source);
        var cachedAfterFirst = cache.IsCached(source);
        var second = cache.Load(source);

        // assert
        Assert.Equal(parsed, first);
        Assert.True(cachedAfterFirst);
        Assert.Equal(parsed, second); // <--
        Assert.True(File.Exists(cache.CachePathOf(source)));
    }

    [Fact]
    public void Should_parse_again_when_the_source_changed_after_the_cache_was_written()
    {
        // arrange: cache the whole file, then replace it with its first 100 rows
        var source = CopyOfRecording();
        var cache = new KlineCache(CacheFolder);
        cache.Load(source);
        var lines = ReadLines(Path.Combine(SharedData.Directory, Recording)).Take(101).ToArray();
        WriteGzip(source, lines);

        // act
        var rows = cache.Load(source);

        // assert
        Assert.False(rows.Length > 100);
        Assert.Equal(KlineCsvReader.Read(source).ToArray(), rows); // <--
    }

    [Fact]
    public void Should_parse_again_and_rewrite_a_cache_file_cut_short()
    {
        // arrange
        var source = CopyOfRecording();
        var cache = new KlineCache(CacheFolder);
        var expected = cache.Load(source);
        var cachePath = cache.CachePathOf(source);
        using (var stream = new FileStream(cachePath, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        // act
        var rows = cache.Load(source);

        // assert
        Assert.Equal(expected, rows); // <--
        Assert.True(cache.IsCached(source));
    }

    [Fact]
    public void Should_load_the_same_series_through_the_cache_as_without_it()
    {
        // arrange
        var files = KlineFiles.Find([Path.Combine(SharedData.Directory, "klines", "binance-usdm")]);
        var symbols = new[] { new Symbol("BTCUSDT"), new Symbol("SUIUSDT") };
        var cache = new KlineCache(CacheFolder);

        // act
        var plain = KlineFiles.Load(files, symbols);
        var firstCached = KlineFiles.Load(files, symbols, cache);
        var secondCached = KlineFiles.Load(files, symbols, cache);

        // assert
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i].Bars, firstCached[i].Bars);
            Assert.Equal(plain[i].Bars, secondCached[i].Bars); // <--
        }
    }

    [Fact]
    public void Should_still_load_when_the_cache_folder_cannot_be_written()
    {
        // arrange: a file where the cache folder should be
        var source = CopyOfRecording();
        File.WriteAllText(CacheFolder, "not a folder");
        var cache = new KlineCache(CacheFolder);

        // act
        var rows = cache.Load(source);

        // assert
        Assert.Equal(KlineCsvReader.Read(source).ToArray(), rows);
        Assert.False(cache.IsCached(source));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CopyOfRecording()
    {
        var copy = Path.Combine(_folder, Path.GetFileName(Recording));
        File.Copy(Path.Combine(SharedData.Directory, Recording), copy);
        return copy;
    }

    private static IEnumerable<string> ReadLines(string gzipFile)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(gzipFile), System.IO.Compression.CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static void WriteGzip(string path, IEnumerable<string> lines)
    {
        using (var writer = new StreamWriter(new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest)))
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
    }
}
