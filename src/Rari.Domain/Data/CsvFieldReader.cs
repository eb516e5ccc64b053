namespace Rari.Domain.Data;

/// <summary>Walks the comma-separated fields of one CSV line (no quoting: market-data files never need it).</summary>
internal ref struct CsvFieldReader
{
    private ReadOnlySpan<byte> _rest;
    private bool _exhausted;

    public CsvFieldReader(ReadOnlySpan<byte> line)
    {
        _rest = line;
        _exhausted = false;
        Column = 0;
        Current = default;
    }

    /// <summary>1-based column of the field last returned; 0 before the first.</summary>
    public int Column { get; private set; }

    /// <summary>The field last returned.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Returns the next field; false when the line has no more.</summary>
    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_exhausted)
        {
            field = default;
            return false;
        }

        Column++;
        var comma = _rest.IndexOf((byte)',');
        if (comma < 0)
        {
            Current = _rest;
            _rest = default;
            _exhausted = true;
        }
        else
        {
            Current = _rest[..comma];
            _rest = _rest[(comma + 1)..];
        }

        field = Current;
        return true;
    }

    /// <summary>Counts the fields of a whole line (commas + 1).</summary>
    public static int CountFields(ReadOnlySpan<byte> line) => line.Count((byte)',') + 1;
}
