using Rari.Domain.Market;

namespace Rari.Domain.Data;

/// <summary>
/// Turns the lines of one kline file into validated <see cref="Kline"/>s; the state behind one enumeration of
/// <see cref="KlineCsvReader"/>.
/// </summary>
internal sealed class KlineCsvParser : CsvRecordParser
{
    internal static readonly string[] RecordedColumns =
        ["open_time_ms", "open", "high", "low", "close", "volume", "quote_volume", "trades"];

    internal static readonly string[] BinanceColumns =
    [
        "open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "count",
        "taker_buy_volume", "taker_buy_quote_volume", "ignore",
    ];

    // 16-digit open times are microseconds (Binance spot exports from 2025 on); 13 digits are milliseconds.
    private const int MicrosecondDigits = 16;

    private bool _isBinance;
    private long _previousOpenTimeMs = long.MinValue;
    private long _previousLine;

    public KlineCsvParser(Utf8LineReader lines, string sourceName)
        : base(lines, sourceName, RecordedColumns)
    {
    }

    /// <summary>Reads the next kline; false at the end of the file.</summary>
    /// <exception cref="MarketDataFormatException">The file is malformed at the current line.</exception>
    public bool TryRead(out Kline kline)
    {
        if (!TryReadDataLine(out var line))
        {
            kline = default;
            return false;
        }

        kline = _isBinance ? ParseBinance(line) : ParseRecorded(line);
        Validate(kline);
        return true;
    }

    protected override bool RecogniseFirstLine(ReadOnlySpan<byte> line)
    {
        if (char.IsAsciiLetter((char)line[0]))
        {
            if (IsHeader(line, RecordedColumns))
            {
                UseLayout(binance: false);
            }
            else if (IsHeader(line, BinanceColumns))
            {
                UseLayout(binance: true);
            }
            else
            {
                Fail(0, $"'{AsciiText.Show(line)}' is not a kline header; expected '{string.Join(',', RecordedColumns)}' " +
                    $"or Binance's '{string.Join(',', BinanceColumns)}'");
            }

            return false;
        }

        var fields = CsvFieldReader.CountFields(line);
        if (fields == RecordedColumns.Length || fields == BinanceColumns.Length)
        {
            UseLayout(binance: fields == BinanceColumns.Length);
            return true;
        }

        Fail(0, $"expected a header, or a row of {RecordedColumns.Length} columns ({string.Join(',', RecordedColumns)}) " +
            $"or of {BinanceColumns.Length} columns (Binance kline export), but the line has {fields} columns");
        return false;
    }

    private void UseLayout(bool binance)
    {
        _isBinance = binance;
        Columns = binance ? BinanceColumns : RecordedColumns;
    }

    private Kline ParseRecorded(ReadOnlySpan<byte> line)
    {
        var fields = new CsvFieldReader(line);
        var openTime = Integer(ref fields, out _);
        var open = Price(ref fields);
        var high = Price(ref fields);
        var low = Price(ref fields);
        var close = Price(ref fields);
        var volume = Amount(ref fields, optional: false);
        var quoteVolume = Amount(ref fields, optional: true);
        var trades = Next(ref fields).IsEmpty ? 0L : CurrentInteger(ref fields, out _);
        EndOfRow(ref fields);
        return new Kline(openTime, open, high, low, close, volume, quoteVolume, trades);
    }

    private Kline ParseBinance(ReadOnlySpan<byte> line)
    {
        var fields = new CsvFieldReader(line);
        var openTime = Integer(ref fields, out var digits);
        if (digits >= MicrosecondDigits)
        {
            if (openTime % 1000 != 0)
            {
                Fail(1, FormattableString.Invariant($"microsecond open time {openTime} is not a whole millisecond"));
            }

            openTime /= 1000;
        }

        var open = Price(ref fields);
        var high = Price(ref fields);
        var low = Price(ref fields);
        var close = Price(ref fields);
        var volume = Amount(ref fields, optional: false);
        Integer(ref fields, out _); // close_time: checked, not kept (it is open time + interval − 1)
        var quoteVolume = Amount(ref fields, optional: false);
        var trades = Integer(ref fields, out _);
        Amount(ref fields, optional: false); // taker_buy_volume: checked, not kept
        Amount(ref fields, optional: false); // taker_buy_quote_volume: checked, not kept
        Next(ref fields); // ignore
        EndOfRow(ref fields);
        return new Kline(openTime, open, high, low, close, volume, quoteVolume, trades);
    }

    private void Validate(in Kline kline)
    {
        if (kline.OpenTimeMs <= _previousOpenTimeMs)
        {
            Fail(1, FormattableString.Invariant(
                $"open time {kline.OpenTimeMs} is not after the previous row's {_previousOpenTimeMs} (line {_previousLine}); rows must be in strictly increasing time order"));
        }

        var bodyLow = Math.Min(kline.Open, kline.Close);
        var bodyHigh = Math.Max(kline.Open, kline.Close);
        if (kline.Low > bodyLow)
        {
            Fail(4, FormattableString.Invariant($"low {kline.Low} is above min(open, close) {bodyLow}; expected low ≤ min(open, close)"));
        }

        if (kline.High < bodyHigh)
        {
            Fail(3, FormattableString.Invariant($"high {kline.High} is below max(open, close) {bodyHigh}; expected max(open, close) ≤ high"));
        }

        _previousOpenTimeMs = kline.OpenTimeMs;
        _previousLine = LineNumber;
    }
}
