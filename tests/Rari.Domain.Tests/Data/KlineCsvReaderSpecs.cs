using System.Globalization;
using System.IO.Compression;
using Rari.Domain.Data;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Domain.Tests.Data;

/// <summary>Reads every recorded kline file and checks it against the facts in shared/data/README.md.</summary>
public class KlineCsvReaderSpecs
{
    // file, rows, span in minutes (rows + missing), first open time, first open, last close, min low, max high, quote columns filled
    [Theory]
    [InlineData("binance-usdm/BTCUSDT-1m-20250504-20250624.csv.gz", 73_139, 73_139, "2025-05-04 15:33", "95505.4", "105086.5", "93327", "111959.5", false)]
    [InlineData("binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz", 73_140, 73_140, "2025-05-04 15:33", "1827.29", "2407.48", "1750", "2879", false)]
    [InlineData("binance-usdm/SOLUSDT-1m-20250504-20250624.csv.gz", 73_141, 73_141, "2025-05-04 15:33", "146.78", "143.43", "125.83", "187.67", false)]
    [InlineData("binance-usdm/SUIUSDT-1m-20250504-20250603.csv.gz", 43_199, 43_199, "2025-05-04 15:35", "3.2713", "3.3123", "3.0516", "4.3", false)]
    [InlineData("binance-usdm/XRPUSDT-1m-20250504-20250624.csv.gz", 73_138, 73_138, "2025-05-04 15:36", "2.1924", "2.1838", "1.907", "2.655", false)]
    [InlineData("binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz", 43_199, 43_199, "2023-07-18 11:13", "29996.9", "28500.1", "28288.6", "30420", false)]
    [InlineData("binance-usdm/ETHUSDT-1m-20230703-20230817.csv.gz", 64_066, 64_066, "2023-07-03 23:26", "1951.6", "1786", "1775", "2031.28", false)]
    [InlineData("binance-usdm/SOLUSDT-1m-20230718-20230817.csv.gz", 43_200, 43_200, "2023-07-18 11:14", "25.542", "23.027", "22.17", "27.386", false)]
    [InlineData("binance-spot/BTCUSDT-1m-20210326-20210430.csv.gz", 50_000, 50_434, "2021-03-26 03:00", "51696.7", "53635.94", "46930", "64854", false)]
    [InlineData("binance-spot/BTCUSDT-1m-20220615-20220719.csv.gz", 50_000, 50_000, "2022-06-15 03:00", "21985.85", "23250.57", "17622", "23706.26", false)]
    [InlineData("binance-spot/BTCUSDT-1m-20240101-20240121.csv.gz", 30_000, 30_000, "2024-01-01 00:00", "42283.58", "41719.4", "40280", "48969.48", false)]
    [InlineData("binance-spot/ETHUSDT-1m-20210809-20210913.csv.gz", 50_000, 50_270, "2021-08-09 03:00", "2945.18", "3396.89", "2893.23", "4027.88", false)]
    [InlineData("binance-spot/SOLUSDT-1m-20211027-20211130.csv.gz", 50_000, 50_000, "2021-10-27 03:00", "201.52", "213.79", "176.94", "259.9", false)]
    [InlineData("binance-usdm/AVAXUSDT-1m-20240201-20240229.csv.gz", 41_760, 41_760, "2024-02-01 00:00", "33.173", "40.997", "32.221", "44.752", true)]
    [InlineData("binance-usdm/NEARUSDT-1m-20240601-20240630.csv.gz", 43_200, 43_200, "2024-06-01 00:00", "7.251", "5.303", "4.405", "7.716", true)]
    [InlineData("binance-usdm/NEARUSDT-1m-20241101-20241130.csv.gz", 43_200, 43_200, "2024-11-01 00:00", "4.052", "7.011", "3.502", "7.26", true)]
    [InlineData("binance-usdm/FILUSDT-1m-20241001-20241031.csv.gz", 44_640, 44_640, "2024-10-01 00:00", "3.809", "3.533", "3.268", "4.021", true)]
    public void Should_read_every_recorded_file_as_the_readme_describes_it(
        string file, int rows, int spanMinutes, string firstOpenUtc, string firstOpen, string lastClose, string minLow, string maxHigh, bool quoteColumnsFilled)
    {
        // act
        var klines = KlineCsvReader.Read(SharedData.File("klines/" + file)).ToList();

        // assert
        Assert.Equal(rows, klines.Count);
        Assert.Equal(spanMinutes, ((klines[^1].OpenTimeMs - klines[0].OpenTimeMs) / 60_000) + 1);
        Assert.Equal(Ms(firstOpenUtc), klines[0].OpenTimeMs);
        Assert.Equal(decimal.Parse(firstOpen, CultureInfo.InvariantCulture), klines[0].Open);
        Assert.Equal(decimal.Parse(lastClose, CultureInfo.InvariantCulture), klines[^1].Close);
        Assert.Equal(decimal.Parse(minLow, CultureInfo.InvariantCulture), klines.Min(k => k.Low));
        Assert.Equal(decimal.Parse(maxHigh, CultureInfo.InvariantCulture), klines.Max(k => k.High));
        Assert.All(klines, k => Assert.Equal(0, k.OpenTimeMs % 60_000));
        Assert.Equal(quoteColumnsFilled, klines.Sum(k => k.QuoteVolume) > 0m);
        Assert.Equal(quoteColumnsFilled, klines.Sum(k => k.Trades) > 0);
    }

    [Fact]
    public void Should_read_exact_values_from_the_first_rows()
    {
        // act
        var first = KlineCsvReader.Read(SharedData.File("klines/binance-usdm/FILUSDT-1m-20241001-20241031.csv.gz")).Take(2).ToList();

        // assert: 1727740800000,3.809,3.825,3.809,3.822,162058.7,618500.0259,992 and the next row
        Assert.Equal(
            [
                new Kline(1_727_740_800_000, 3.809m, 3.825m, 3.809m, 3.822m, 162058.7m, 618500.0259m, 992),
                new Kline(1_727_740_860_000, 3.822m, 3.827m, 3.816m, 3.818m, 17503.7m, 66904.2714m, 338),
            ],
            first);
    }

    [Fact]
    public void Should_read_the_same_klines_from_plain_gzip_misnamed_and_stream_inputs()
    {
        // arrange
        var source = SharedData.File("klines/binance-spot/BTCUSDT-1m-20240101-20240121.csv.gz");
        var expected = KlineCsvReader.Read(source).ToList();
        using var folder = new TemporaryFolder();
        var plain = folder.Path("BTCUSDT-1m-20240101-20240121.csv");
        using (var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress))
        using (var output = File.Create(plain))
        {
            input.CopyTo(output);
        }

        var gzipWithoutExtension = folder.Path("klines.csv");
        File.Copy(source, gzipWithoutExtension);
        var plainWithGzipName = folder.Path("klines.csv.gz");
        File.Copy(plain, plainWithGzipName);

        // act
        var fromPlain = KlineCsvReader.Read(plain).ToList();
        var fromMisnamedGzip = KlineCsvReader.Read(gzipWithoutExtension).ToList();
        var fromMisnamedPlain = KlineCsvReader.Read(plainWithGzipName).ToList();
        using var nonSeekable = new NonSeekableStream(File.OpenRead(source));
        var fromStream = KlineCsvReader.Read(nonSeekable, "BTCUSDT stream").ToList();

        // assert
        Assert.Equal(expected, fromPlain);
        Assert.Equal(expected, fromMisnamedGzip);
        Assert.Equal(expected, fromMisnamedPlain);
        Assert.Equal(expected, fromStream);
    }

    [Fact]
    public void Should_enumerate_a_file_again_from_the_start()
    {
        // arrange
        var klines = KlineCsvReader.Read(SharedData.File("klines/binance-usdm/SUIUSDT-1m-20250504-20250603.csv.gz"));

        // act
        var first = klines.Take(3).ToList();
        var again = klines.Take(3).ToList();

        // assert
        Assert.Equal(first, again);
        Assert.Equal(1_746_372_900_000, again[0].OpenTimeMs);
    }

    private static long Ms(string utc) =>
        new DateTimeOffset(DateTime.ParseExact(utc, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
