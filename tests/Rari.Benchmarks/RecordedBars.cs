using Rari.Domain.Data;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Benchmarks;

/// <summary>The recorded ETHUSDT 2025 perpetual klines every benchmark runs over, loaded once.</summary>
internal static class RecordedBars
{
    public const string EthFile = "klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz";

    private static readonly Lazy<Kline[]> Eth = new(() => [.. KlineCsvReader.Read(SharedData.File(EthFile))]);

    public static Kline[] EthUsdt => Eth.Value;
}
