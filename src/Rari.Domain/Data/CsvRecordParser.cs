using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Rari.Domain.Data;

/// <summary>
/// Shared machinery of the recorded-data CSV parsers: finding the first line, telling a header from data, reading
/// typed fields, and raising <see cref="MarketDataFormatException"/>s that name file, line and column.
/// </summary>
internal abstract class CsvRecordParser : IDisposable
{
    private readonly Utf8LineReader _lines;
    private bool _started;

    // The first line, kept only when it is data (a headerless file): one small copy per file.
    private byte[]? _firstDataLine;

    protected CsvRecordParser(Utf8LineReader lines, string sourceName, string[] columns)
    {
        _lines = lines;
        SourceName = sourceName;
        Columns = columns;
    }

    protected string SourceName { get; }

    /// <summary>Column names of the layout being read, for messages.</summary>
    protected string[] Columns { get; set; }

    /// <summary>The 1-based number of the current line.</summary>
    protected long LineNumber => _lines.LineNumber;

    public void Dispose() => _lines.Dispose();

    /// <summary>True when <paramref name="line"/> is exactly the given header (ASCII case and spaces around names ignored).</summary>
    protected static bool IsHeader(ReadOnlySpan<byte> line, string[] columns)
    {
        var fields = new CsvFieldReader(line);
        foreach (var name in columns)
        {
            if (!fields.TryNext(out var field) || !Ascii.EqualsIgnoreCase(field.Trim((byte)' '), name))
            {
                return false;
            }
        }

        return !fields.TryNext(out _);
    }

    /// <summary>
    /// Looks at the first non-empty line, decides the layout (setting <see cref="Columns"/>) and says whether that line
    /// is data (true) or a header (false). Throws <see cref="MarketDataFormatException"/> when it is neither.
    /// </summary>
    protected abstract bool RecogniseFirstLine(ReadOnlySpan<byte> line);

    /// <summary>Returns the next non-empty data line; false at the end of the input.</summary>
    protected bool TryReadDataLine(out ReadOnlySpan<byte> line)
    {
        if (!_started)
        {
            _started = true;
            if (!TryReadNonEmpty(out line))
            {
                throw new MarketDataFormatException(SourceName, 1, 0, null,
                    "the file is empty; expected a header line and rows");
            }

            if (RecogniseFirstLine(line))
            {
                _firstDataLine = line.ToArray();
            }
        }

        if (_firstDataLine is not null)
        {
            line = _firstDataLine;
            _firstDataLine = null;
            return true;
        }

        return TryReadNonEmpty(out line);
    }

    protected ReadOnlySpan<byte> Next(ref CsvFieldReader fields)
    {
        if (!fields.TryNext(out var field))
        {
            Fail(fields.Column + 1, $"missing; expected {Columns.Length} columns but the line has {fields.Column}");
        }

        return field;
    }

    /// <summary>Reads a whole non-negative number; <paramref name="digits"/> is its digit count.</summary>
    protected long Integer(ref CsvFieldReader fields, out int digits)
    {
        Next(ref fields);
        return CurrentInteger(ref fields, out digits);
    }

    /// <summary>Parses the field last read as a whole non-negative number.</summary>
    protected long CurrentInteger(ref CsvFieldReader fields, out int digits)
    {
        var field = fields.Current;
        if (!AsciiText.TryParseInt64(field, out var value, out digits))
        {
            Fail(fields.Column, $"'{AsciiText.Show(field)}' is not a whole non-negative number");
        }

        return value;
    }

    /// <summary>Reads a price: a number above zero.</summary>
    protected decimal Price(ref CsvFieldReader fields)
    {
        var field = Next(ref fields);
        if (!InvariantDecimal.TryParse(field, out var value))
        {
            Fail(fields.Column, $"'{AsciiText.Show(field)}' is not a number");
        }

        if (value <= 0m)
        {
            Fail(fields.Column, $"price {AsciiText.Show(field)} is not positive");
        }

        return value;
    }

    /// <summary>Reads a quantity or volume: a number not below zero; an empty <paramref name="optional"/> field is 0.</summary>
    protected decimal Amount(ref CsvFieldReader fields, bool optional)
    {
        var field = Next(ref fields);
        if (optional && field.IsEmpty)
        {
            return 0m;
        }

        if (!InvariantDecimal.TryParse(field, out var value))
        {
            Fail(fields.Column, $"'{AsciiText.Show(field)}' is not a number");
        }

        if (value < 0m)
        {
            Fail(fields.Column, $"{AsciiText.Show(field)} is negative; expected zero or more");
        }

        return value;
    }

    protected void EndOfRow(ref CsvFieldReader fields)
    {
        if (fields.TryNext(out _))
        {
            Fail(fields.Column, $"unexpected extra column; expected {Columns.Length} columns");
        }
    }

    /// <summary>Throws for a problem in a column (1-based) of the current line, or the whole line when 0.</summary>
    [DoesNotReturn]
    protected void Fail(int column, string problem) =>
        throw new MarketDataFormatException(
            SourceName, _lines.LineNumber, column, column >= 1 && column <= Columns.Length ? Columns[column - 1] : null, problem);

    private bool TryReadNonEmpty(out ReadOnlySpan<byte> line)
    {
        while (_lines.TryReadLine(out line))
        {
            if (!line.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
