using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Domain.Data;

/// <summary>
/// Turns the lines of one aggTrades file into validated <see cref="Trade"/>s; the state behind one enumeration of
/// <see cref="AggTradeCsvReader"/>.
/// </summary>
internal sealed class AggTradeCsvParser : CsvRecordParser
{
    internal static readonly string[] TradeColumns = ["trade_id", "time_ms", "price", "qty", "is_buyer_maker"];

    private readonly Symbol _symbol;
    private long _previousId = long.MinValue;
    private long _previousTimeMs = long.MinValue;

    public AggTradeCsvParser(Utf8LineReader lines, string sourceName, Symbol symbol)
        : base(lines, sourceName, TradeColumns) => _symbol = symbol;

    /// <summary>Reads the next trade; false at the end of the file.</summary>
    /// <exception cref="MarketDataFormatException">The file is malformed at the current line.</exception>
    public bool TryRead(out Trade trade)
    {
        if (!TryReadDataLine(out var line))
        {
            trade = default;
            return false;
        }

        var fields = new CsvFieldReader(line);
        var id = Integer(ref fields, out _);
        if (id <= _previousId)
        {
            Fail(1, FormattableString.Invariant($"trade id {id} is not above the previous row's {_previousId}; ids must strictly increase"));
        }

        var time = Integer(ref fields, out _);
        if (time < _previousTimeMs)
        {
            Fail(2, FormattableString.Invariant($"time {time} is before the previous row's {_previousTimeMs}; times must not decrease"));
        }

        var price = Price(ref fields);
        var quantity = Amount(ref fields, optional: false);
        if (quantity == 0m)
        {
            Fail(4, "quantity 0: a trade has a positive quantity");
        }

        var flag = Next(ref fields);
        if (!AsciiText.TryParseBoolean(flag, out var isBuyerMaker))
        {
            Fail(5, $"'{AsciiText.Show(flag)}' is not true or false");
        }

        EndOfRow(ref fields);
        _previousId = id;
        _previousTimeMs = time;
        trade = new Trade(_symbol, id, price, quantity, time, isBuyerMaker);
        return true;
    }

    protected override bool RecogniseFirstLine(ReadOnlySpan<byte> line)
    {
        if (char.IsAsciiLetter((char)line[0]))
        {
            if (!IsHeader(line, TradeColumns))
            {
                Fail(0, $"'{AsciiText.Show(line)}' is not an aggTrades header; expected '{string.Join(',', TradeColumns)}'");
            }

            return false;
        }

        var fields = CsvFieldReader.CountFields(line);
        if (fields != TradeColumns.Length)
        {
            Fail(0, $"expected the header '{string.Join(',', TradeColumns)}' or a row of {TradeColumns.Length} columns, " +
                $"but the line has {fields} columns");
        }

        return true;
    }
}
