using Akka.Cluster.Sharding;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Hosting;

/// <summary>
/// Routes every <see cref="IWithSymbol"/> message to its symbol's host with one shard per symbol: the shard id is the
/// symbol itself. A trader runs a handful of busy symbols, not millions of light entities, so hashing them into a fixed
/// number of shards would let two symbols share a shard by chance (ETHUSDT and SOLUSDT do, among 30) and move together;
/// one shard each lets the allocation strategy spread them evenly over the nodes and move them one by one.
/// </summary>
/// <remarks>Akka unwraps <c>ShardingEnvelope</c> and handles <c>StartEntity</c> itself (through
/// <see cref="ShardId(string, object)"/>); anything without a symbol has no entity and is dropped.</remarks>
public sealed class SymbolShardExtractor : IMessageExtractor
{
    /// <inheritdoc />
    public string? EntityId(object message) => message is IWithSymbol routed ? routed.Symbol.Value : null;

    /// <inheritdoc />
    public object? EntityMessage(object message) => message;

    /// <inheritdoc />
    public string? ShardId(object message) => EntityId(message);

    /// <inheritdoc />
    public string ShardId(string entityId, object? messageHint = null) => entityId;
}
