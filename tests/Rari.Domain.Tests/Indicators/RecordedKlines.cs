using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Domain.Tests.Indicators;

/// <summary>
/// Reads the recorded kline files for the indicator specs. Deliberately private to this folder: the production
/// kline CSV reader is written elsewhere, and these specs must not depend on it.
/// </summary>
internal static class RecordedKlines
{
    public const string BtcUsdm = "klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz";
    public const string EthUsdm = "klines/binance-usdm/ETHUSDT-1m-20230703-20230817.csv.gz";
    public const string EthSpotVolatile = "klines/binance-spot/ETHUSDT-1m-20210809-20210913.csv.gz";

    private const string Header = "open_time_ms,open,high,low,close,volume,quote_volume,trades";

    private static readonly ConcurrentDictionary<string, Kline[]> Cache = new();

    /// <summary>The calm BTC perpetual month and the volatile ETH spot month, for reference comparisons.</summary>
    public static TheoryData<string> Files => new() { BtcUsdm, EthSpotVolatile };

    public static Kline[] Load(string relativePath) => Cache.GetOrAdd(relativePath, Read);

    public static double[] Closes(Kline[] bars)
    {
        var closes = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            closes[i] = (double)bars[i].Close;
        }

        return closes;
    }

    private static Kline[] Read(string relativePath)
    {
        using var file = File.OpenRead(SharedData.File(relativePath));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException($"{relativePath}: unexpected header '{header}'.");
        }

        var bars = new List<Kline>(64_000);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = line.Split(',');
            bars.Add(new Kline(
                long.Parse(fields[0], CultureInfo.InvariantCulture),
                ParseDecimal(fields[1]),
                ParseDecimal(fields[2]),
                ParseDecimal(fields[3]),
                ParseDecimal(fields[4]),
                ParseDecimal(fields[5]),
                fields[6].Length == 0 ? 0m : ParseDecimal(fields[6]),
                fields[7].Length == 0 ? 0 : long.Parse(fields[7], CultureInfo.InvariantCulture)));
        }

        return bars.ToArray();
    }

    private static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
