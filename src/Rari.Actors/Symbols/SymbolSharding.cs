using Akka.Cluster.Sharding;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Symbols;

/// <summary>The names the symbol shard region is started with.</summary>
public static class SymbolSharding
{
    /// <summary>The shard type name of the symbol supervisors.</summary>
    public const string TypeName = "symbols";

    /// <summary>Shards when none are configured: about ten per node of a small cluster, a few symbols each.</summary>
    public const int DefaultShardCount = 30;
}

/// <summary>
/// Routes every <see cref="IWithSymbol"/> message to the supervisor of its symbol: the entity id is the symbol, the shard
/// a stable hash of it (the same on every node), and the message goes to the entity as it is. Akka unwraps
/// <c>ShardingEnvelope</c> and handles <c>StartEntity</c> itself. Anything else has no entity and is dropped.
/// </summary>
public sealed class SymbolMessageExtractor : HashCodeMessageExtractor
{
    /// <summary>Creates the extractor.</summary>
    /// <param name="maxNumberOfShards">How many shards the symbols spread over; the same on every node, at least 1.</param>
    public SymbolMessageExtractor(int maxNumberOfShards = SymbolSharding.DefaultShardCount)
        : base(maxNumberOfShards > 0 ? maxNumberOfShards : throw new ArgumentOutOfRangeException(nameof(maxNumberOfShards), maxNumberOfShards, "At least one shard is needed."))
    {
    }

    /// <inheritdoc />
    public override string? EntityId(object message) => message is IWithSymbol routed ? routed.Symbol.Value : null;
}
