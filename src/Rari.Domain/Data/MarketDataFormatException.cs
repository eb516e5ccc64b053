using System.Globalization;

namespace Rari.Domain.Data;

/// <summary>
/// A recorded-data file is malformed. The message names the file, the 1-based line and column and what was expected,
/// e.g. <c>BTCUSDT.csv.gz line 1042, column 3 (high): 'abc' is not a number</c>, so the bad row can be found at once.
/// </summary>
public sealed class MarketDataFormatException : FormatException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public MarketDataFormatException()
        : this("Recorded market data is malformed.")
    {
    }

    /// <summary>Creates the exception with a ready-made message and no location.</summary>
    public MarketDataFormatException(string message)
        : base(message)
    {
        SourceName = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception with a ready-made message, no location, and the underlying cause.</summary>
    public MarketDataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception for a problem at a line and, where it applies, a column.</summary>
    /// <param name="sourceName">The file name (or stream name) as the user knows it.</param>
    /// <param name="lineNumber">1-based line number.</param>
    /// <param name="column">1-based column number, or 0 when the problem concerns the whole line.</param>
    /// <param name="columnName">The column's name from the format, or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public MarketDataFormatException(string sourceName, long lineNumber, int column, string? columnName, string problem)
        : this(sourceName, lineNumber, column, columnName, problem, null)
    {
    }

    /// <summary>Creates the exception for a problem at a line and column, caused by <paramref name="innerException"/>.</summary>
    /// <param name="sourceName">The file name (or stream name) as the user knows it.</param>
    /// <param name="lineNumber">1-based line number.</param>
    /// <param name="column">1-based column number, or 0 when the problem concerns the whole line.</param>
    /// <param name="columnName">The column's name from the format, or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    /// <param name="innerException">The underlying cause, or null.</param>
    public MarketDataFormatException(
        string sourceName, long lineNumber, int column, string? columnName, string problem, Exception? innerException)
        : base(Describe(sourceName, lineNumber, column, columnName, problem), innerException)
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Column = column;
        ColumnName = columnName;
        Problem = problem;
    }

    /// <summary>The file name (or stream name) the data came from.</summary>
    public string SourceName { get; }

    /// <summary>1-based line number, or 0 when unknown.</summary>
    public long LineNumber { get; }

    /// <summary>1-based column number, or 0 when the problem concerns the whole line.</summary>
    public int Column { get; }

    /// <summary>The column's name from the format (e.g. <c>high</c>), or null.</summary>
    public string? ColumnName { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Describe(string sourceName, long lineNumber, int column, string? columnName, string problem)
    {
        var location = column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sourceName} line {lineNumber}, column {column}")
            : string.Create(CultureInfo.InvariantCulture, $"{sourceName} line {lineNumber}");
        return columnName is null ? $"{location}: {problem}" : $"{location} ({columnName}): {problem}";
    }
}
