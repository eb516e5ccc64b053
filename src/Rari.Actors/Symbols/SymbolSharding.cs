namespace Rari.Actors.Symbols;

/// <summary>The name the symbol shard region is started with (each symbol is its own shard: Hosting/SymbolShardExtractor).</summary>
public static class SymbolSharding
{
    /// <summary>The shard type name of the symbol supervisors.</summary>
    public const string TypeName = "symbols";
}
