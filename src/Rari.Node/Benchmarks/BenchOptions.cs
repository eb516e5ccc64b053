namespace Rari.Node.Benchmarks;

/// <summary>What <c>rari bench</c> was asked to do.</summary>
/// <param name="Quick">Short runs (about a minute or two in all): smaller data, fewer repetitions; figures are rougher.</param>
/// <param name="JsonPath">Where to write the JSON, or null for none.</param>
/// <param name="DataDirectory">The recorded data (<c>klines/binance-usdm</c> below it is used).</param>
/// <param name="PostgresConnection">A PostgreSQL connection string for the journal benchmark, or null to skip it.</param>
/// <param name="Only">Run only the benchmarks whose name contains one of these words (all when empty).</param>
/// <param name="PaperMinutes">How long the paper run trades, or null for the default (10 minutes, 1 with <paramref name="Quick"/>).</param>
internal sealed record BenchOptions(bool Quick, string? JsonPath, string DataDirectory, string? PostgresConnection, IReadOnlyList<string> Only, int? PaperMinutes = null)
{
    /// <summary>How long the paper run of the memory benchmark trades.</summary>
    public TimeSpan PaperRunDuration => TimeSpan.FromMinutes(PaperMinutes ?? (Quick ? 1 : 10));

    /// <summary>The perpetual-futures kline folder of the data.</summary>
    public string PerpetualKlines => Path.Combine(DataDirectory, "klines", "binance-usdm");

    /// <summary>Whether the benchmark called <paramref name="name"/> is to run.</summary>
    public bool Runs(string name)
    {
        if (Only.Count == 0)
        {
            return true;
        }

        foreach (var word in Only)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
