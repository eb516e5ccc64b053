using System.Globalization;
using System.Text;
using Rari.Domain.Data;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Domain.Tests.Data;

/// <summary>Binance's export layout, headerless recorded files, and the errors for malformed input.</summary>
public class KlineCsvFormatSpecs
{
    private const string RecordedHeader = "open_time_ms,open,high,low,close,volume,quote_volume,trades";
    private const string BinanceHeader = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    [InlineData(false, true, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    public void Should_read_a_binance_export_with_or_without_header_in_ms_or_microseconds(bool header, bool microseconds, bool gzip)
    {
        // arrange
        var expected = KlineCsvReader.Read(SharedData.File("klines/binance-usdm/NEARUSDT-1m-20240601-20240630.csv.gz")).Take(5_000).ToList();
        var text = new StringBuilder();
        if (header)
        {
            text.Append(BinanceHeader).Append('\n');
        }

        foreach (var k in expected)
        {
            var scale = microseconds ? 1000L : 1L;
            text.Append(CultureInfo.InvariantCulture, $"{k.OpenTimeMs * scale},{k.Open},{k.High},{k.Low},{k.Close},{k.Volume},")
                .Append(CultureInfo.InvariantCulture, $"{((k.OpenTimeMs + 60_000) * scale) - 1},{k.QuoteVolume},{k.Trades},")
                .Append(CultureInfo.InvariantCulture, $"{k.Volume / 2},{k.QuoteVolume / 2},0\r\n");
        }

        using var folder = new TemporaryFolder();
        var path = folder.Write("NEARUSDT-1m-2024-06.csv", text.ToString(), gzip);

        // act
        var actual = KlineCsvReader.Read(path).ToList();

        // assert
        Assert.Equal(expected, actual);
        Assert.Equal(1_717_200_000_000, actual[0].OpenTimeMs);
    }

    [Fact]
    public void Should_read_a_binance_row_exactly()
    {
        // arrange: the example row of Binance's kline documentation, as a 2025 spot export in microseconds
        var text = "1735689600000000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000,1735689659999999,768978.64502750,2544,4.95125000,463285.50510880,0\n";

        // act
        var kline = Assert.Single(KlineCsvReader.Read(Utf8(text), "BTCUSDT-1m-2025-01-01.csv"));

        // assert
        Assert.Equal(new Kline(1_735_689_600_000, 93576.00000000m, 93610.93000000m, 93537.50000000m, 93610.93000000m, 8.21827000m, 768978.64502750m, 2544), kline);
    }

    [Fact]
    public void Should_read_a_recorded_file_without_a_header_and_with_blank_lines_and_a_bom()
    {
        // arrange
        var text = "\uFEFF60000,1,2,0.5,1.5,10,,\n\n120000,1.5,1.5,1.5,1.5,0,15.5,3\n\n";

        // act
        var klines = KlineCsvReader.Read(Utf8(text), "x.csv").ToList();

        // assert
        Assert.Equal([new Kline(60_000, 1m, 2m, 0.5m, 1.5m, 10m), new Kline(120_000, 1.5m, 1.5m, 1.5m, 1.5m, 0m, 15.5m, 3)], klines);
    }

    [Theory]
    [InlineData("60000,1,abc,1,1,1,,", "BTCUSDT.csv.gz line 3, column 3 (high): 'abc' is not a number")]
    [InlineData("60000,1,2,1.5,1.2,1,,", "BTCUSDT.csv.gz line 3, column 4 (low): low 1.5 is above min(open, close) 1; expected low ≤ min(open, close)")]
    [InlineData("60000,1,1.1,0.9,1.2,1,,", "BTCUSDT.csv.gz line 3, column 3 (high): high 1.1 is below max(open, close) 1.2; expected max(open, close) ≤ high")]
    [InlineData("0,1,1,1,1,1,,", "BTCUSDT.csv.gz line 3, column 1 (open_time_ms): open time 0 is not after the previous row's 0 (line 2); rows must be in strictly increasing time order")]
    [InlineData("60000,1,1,1,1,1,", "BTCUSDT.csv.gz line 3, column 8 (trades): missing; expected 8 columns but the line has 7")]
    [InlineData("60000,1,1,1,1,1,,,", "BTCUSDT.csv.gz line 3, column 9: unexpected extra column; expected 8 columns")]
    [InlineData("60000,1,1,1,1,1,,1.5", "BTCUSDT.csv.gz line 3, column 8 (trades): '1.5' is not a whole non-negative number")]
    [InlineData("60000,1,1,1,1,-2,,", "BTCUSDT.csv.gz line 3, column 6 (volume): -2 is negative; expected zero or more")]
    [InlineData("60000,0,1,0,0,1,,", "BTCUSDT.csv.gz line 3, column 2 (open): price 0 is not positive")]
    [InlineData("60000, 1,1,1,1,1,,", "BTCUSDT.csv.gz line 3, column 2 (open): ' 1' is not a number")]
    [InlineData("6e4,1,1,1,1,1,,", "BTCUSDT.csv.gz line 3, column 1 (open_time_ms): '6e4' is not a whole non-negative number")]
    [InlineData("60000,1,1,1,1,1,1.2.3,", "BTCUSDT.csv.gz line 3, column 7 (quote_volume): '1.2.3' is not a number")]
    [InlineData("60000,1,1,1,1,,,", "BTCUSDT.csv.gz line 3, column 6 (volume): '' is not a number")]
    public void Should_name_file_line_and_column_of_a_bad_recorded_row(string badRow, string message)
    {
        // arrange
        var text = $"{RecordedHeader}\n0,1,1,1,1,1,,\n{badRow}\n120000,1,1,1,1,1,,\n";
        using var folder = new TemporaryFolder();
        var path = folder.Write("BTCUSDT.csv.gz", text, gzip: true);

        // act
        var error = Assert.Throws<MarketDataFormatException>(() => KlineCsvReader.Read(path).ToList());

        // assert
        Assert.Equal(message, error.Message);
        Assert.Equal("BTCUSDT.csv.gz", error.SourceName);
        Assert.Equal(3, error.LineNumber);
    }

    [Theory]
    [InlineData("1735689600000123,1,1,1,1,1,1735689659999999,1,1,1,1,0", "line 2, column 1 (open_time): microsecond open time 1735689600000123 is not a whole millisecond")]
    [InlineData("60000,1,1,1,1,1,119999,1,1,x,1,0", "line 2, column 10 (taker_buy_volume): 'x' is not a number")]
    [InlineData("60000,1,1,1,1,1,119999,,1,1,1,0", "line 2, column 8 (quote_volume): '' is not a number")]
    [InlineData("60000,1,1,1,1,1,119999,1,1,1,1", "line 2, column 12 (ignore): missing; expected 12 columns but the line has 11")]
    [InlineData("60000,1,1,1,1,1,abc,1,1,1,1,0", "line 2, column 7 (close_time): 'abc' is not a whole non-negative number")]
    public void Should_name_file_line_and_column_of_a_bad_binance_row(string badRow, string message)
    {
        // arrange
        var text = $"{BinanceHeader}\n{badRow}\n";

        // act
        var error = Assert.Throws<MarketDataFormatException>(() => KlineCsvReader.Read(Utf8(text), "BTCUSDT-1m-2025-01.csv").ToList());

        // assert
        Assert.Equal("BTCUSDT-1m-2025-01.csv " + message, error.Message);
    }

    [Theory]
    [InlineData("", "x.csv line 1: the file is empty; expected a header line and rows")]
    [InlineData("\n\n", "x.csv line 1: the file is empty; expected a header line and rows")]
    [InlineData("time,open,high,low,close\n", "x.csv line 1: 'time,open,high,low,close' is not a kline header; expected 'open_time_ms,open,high,low,close,volume,quote_volume,trades' or Binance's 'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore'")]
    [InlineData("60000,1,1,1,1,1\n", "x.csv line 1: expected a header, or a row of 8 columns (open_time_ms,open,high,low,close,volume,quote_volume,trades) or of 12 columns (Binance kline export), but the line has 6 columns")]
    public void Should_explain_a_file_that_is_not_a_kline_file(string text, string message)
    {
        // act
        var error = Assert.Throws<MarketDataFormatException>(() => KlineCsvReader.Read(Utf8(text), "x.csv").ToList());

        // assert
        Assert.Equal(message, error.Message);
        Assert.Equal(0, error.Column);
    }

    [Theory]
    [InlineData(2)] // cut in the middle of the deflate data
    [InlineData(0)] // cut inside the 8-byte trailer only
    public void Should_report_a_truncated_gzip_file_instead_of_returning_part_of_it(int keepDivisor)
    {
        // arrange
        var source = File.ReadAllBytes(SharedData.File("klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz"));
        var keep = keepDivisor == 0 ? source.Length - 3 : source.Length / keepDivisor;
        using var folder = new TemporaryFolder();
        var path = folder.Path("BTCUSDT-truncated.csv.gz");
        File.WriteAllBytes(path, source[..keep]);

        // act
        var error = Assert.Throws<MarketDataFormatException>(() => KlineCsvReader.Read(path).Count());

        // assert
        Assert.StartsWith("BTCUSDT-truncated.csv.gz line ", error.Message);
        Assert.EndsWith("(mod 2^32); the file is truncated or corrupt", error.Message);
        Assert.Equal(0, error.Column);
    }

    [Fact]
    public void Should_refuse_a_binary_file_without_reading_it_all_into_memory()
    {
        // arrange: 3 MiB without a newline
        var bytes = new byte[3 << 20];
        new Random(1).NextBytes(bytes);
        bytes.AsSpan().Replace((byte)'\n', (byte)'x');
        bytes[0] = (byte)'1';

        // act
        var error = Assert.Throws<MarketDataFormatException>(() => KlineCsvReader.Read(new MemoryStream(bytes), "blob.bin").ToList());

        // assert
        Assert.Equal("blob.bin line 1: the line is longer than 1 MiB; this is not a CSV file of market data", error.Message);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
