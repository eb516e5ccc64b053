using Rari.Domain.Identifiers;

namespace Rari.Domain.Risk;

/// <summary>One pair's rolling return correlation, e.g. from a <c>RollingCorrelation</c> over the two symbols' returns.</summary>
/// <param name="First">One symbol.</param>
/// <param name="Second">The other symbol.</param>
/// <param name="Value">The correlation, in [−1, 1].</param>
public readonly record struct SymbolCorrelation(Symbol First, Symbol Second, decimal Value)
{
    /// <summary>
    /// The pair from an indicator reading, or null while the reading is undefined (NaN during warm-up or on a flat
    /// series): an unknown correlation is treated as no correlation.
    /// </summary>
    public static SymbolCorrelation? FromReading(Symbol first, Symbol second, double value) =>
        double.IsFinite(value) ? new SymbolCorrelation(first, second, (decimal)Math.Clamp(value, -1d, 1d)) : null;
}

/// <summary>
/// The known pairwise correlations between symbols, symmetric (the pair A-B is the pair B-A). Immutable; lookups allocate
/// nothing.
/// </summary>
public sealed class CorrelationTable
{
    private readonly Dictionary<(Symbol, Symbol), decimal> _pairs;

    /// <summary>Creates a table from pairs.</summary>
    /// <exception cref="ArgumentException">A pair relates a symbol to itself, lies outside [−1, 1], or is given twice.</exception>
    public CorrelationTable(IEnumerable<SymbolCorrelation> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _pairs = [];
        foreach (var pair in pairs)
        {
            if (pair.First == pair.Second || pair.First.Value is null || pair.Second.Value is null)
            {
                throw new ArgumentException($"A correlation relates two different symbols; got {pair.First} and {pair.Second}.", nameof(pairs));
            }

            if (pair.Value is < -1m or > 1m)
            {
                throw new ArgumentException(RiskText.Of($"The correlation of {pair.First} and {pair.Second} is {pair.Value}; it must lie in [-1, 1]."), nameof(pairs));
            }

            if (!_pairs.TryAdd(Key(pair.First, pair.Second), pair.Value))
            {
                throw new ArgumentException($"The pair {pair.First}-{pair.Second} is given twice.", nameof(pairs));
            }
        }
    }

    /// <summary>The table with no correlations: every pair counts as uncorrelated.</summary>
    public static CorrelationTable Empty { get; } = new([]);

    /// <summary>Number of pairs known.</summary>
    public int Count => _pairs.Count;

    /// <summary>The correlation of two symbols, when known.</summary>
    public bool TryGet(Symbol first, Symbol second, out decimal correlation) =>
        _pairs.TryGetValue(Key(first, second), out correlation);

    private static (Symbol, Symbol) Key(Symbol a, Symbol b) =>
        string.CompareOrdinal(a.Value, b.Value) <= 0 ? (a, b) : (b, a);
}
