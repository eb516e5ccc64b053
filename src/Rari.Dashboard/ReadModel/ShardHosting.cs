using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Rari.Actors.Symbols;

namespace Rari.Dashboard.ReadModel;

/// <summary>
/// Which symbols each cluster member hosts: every member's own "symbols" shard region is asked for its current state
/// (its shards and their entity ids, which are the symbols). A member that does not answer in time is left out.
/// </summary>
internal static class ShardHosting
{
    /// <summary>Asks every Up member's region; returns the symbols by member address.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AskAsync(ActorSystem system, TimeSpan timeout)
    {
        var cluster = Cluster.Get(system);
        var asks = new List<(string Address, Task<CurrentShardRegionState?> State)>();
        foreach (var member in cluster.State.Members)
        {
            if (member.Status != MemberStatus.Up)
            {
                continue;
            }

            var region = system.ActorSelection(new RootActorPath(member.Address) / "system" / "sharding" / SymbolSharding.TypeName);
            asks.Add((member.Address.ToString(), AskOrNull(region, timeout)));
        }

        var hosting = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (address, ask) in asks)
        {
            if (await ask.ConfigureAwait(false) is { } state)
            {
                hosting[address] = [.. state.Shards.SelectMany(shard => shard.EntityIds).Order(StringComparer.Ordinal)];
            }
        }

        return hosting;
    }

    private static async Task<CurrentShardRegionState?> AskOrNull(ActorSelection region, TimeSpan timeout)
    {
        try
        {
            return await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or ActorNotFoundException)
        {
            return null;
        }
    }
}
