using System.Text;

namespace Rari.Backtest.Output;

/// <summary>A plain-text table for the console: a header row, a rule, then the rows, columns padded to their widest cell.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table; a header starting with '>' is right-aligned (the '>' is not shown).</summary>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
        _rightAligned = headers.Select(h => h.StartsWith('>')).ToArray();
    }

    /// <summary>Adds a row; it must have one cell per column.</summary>
    /// <exception cref="ArgumentException">The row has another number of cells.</exception>
    public TextTable Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells; the table has {_headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The table as text, one line per row, each ending with a newline.</summary>
    public override string ToString()
    {
        var widths = new int[_headers.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Max(_headers[c].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[c].Length));
        }

        var text = new StringBuilder();
        Line(text, _headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    private void Line(StringBuilder text, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                line.Append("  ");
            }

            line.Append(_rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        text.AppendLine(line.ToString().TrimEnd());
    }
}
