using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Rari.Actors.Hosting;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Ops;

/// <summary>
/// What the ops console (<c>rari ops</c>) asks a node, answered from the node's actor system: the cluster's membership
/// and the operator's leave and down, where the symbols are, the actor tree, and (in <c>OpsService.Trader.cs</c>) the
/// trader's status and the risk gate's halt, resume and flatten. The transport (the node's HTTP endpoint) only
/// serializes what this returns.
/// </summary>
/// <param name="system">The node's actor system.</param>
/// <param name="registry">Where the node registered its actors (<see cref="ActorKeys"/>).</param>
/// <param name="symbols">The symbols the node's configuration trades.</param>
/// <param name="timeout">How long one question to an actor may take.</param>
public sealed partial class OpsService(ActorSystem system, IReadOnlyActorRegistry registry, IReadOnlyList<Symbol> symbols, TimeSpan timeout)
{
    // How long the children of one actor have to answer an Identify: loopback and a LAN answer within milliseconds.
    private static readonly TimeSpan TreeCollectWindow = TimeSpan.FromSeconds(1);

    private readonly ActorSystem _system = system ?? throw new ArgumentNullException(nameof(system));
    private readonly IReadOnlyActorRegistry _registry = registry ?? throw new ArgumentNullException(nameof(registry));
    private readonly IReadOnlyList<Symbol> _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
    private readonly TimeSpan _timeout = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A positive timeout is needed.");

    private Cluster Cluster => Cluster.Get(_system);

    /// <summary>The members as this node sees them; the oldest trader (the singletons' host) first.</summary>
    public ClusterView ClusterShow()
    {
        var cluster = Cluster;
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var singletons = OldestTrader(state);
        var members = state.Members
            .OrderBy(m => m, Member.AgeOrdering)
            .Select(m => new MemberView(
                m.Address.ToString(),
                m.Status.ToString(),
                !unreachable.Contains(m.Address),
                [.. m.Roles.Order(StringComparer.Ordinal)],
                m.Address == singletons,
                m.Address == cluster.SelfAddress))
            .OrderByDescending(m => m.HostsSingletons)
            .ToList();
        return new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), members);
    }

    /// <summary>Asks the member at <paramref name="address"/> to leave gracefully (its shards and singletons hand over first).</summary>
    public OpsOutcome Leave(string address)
    {
        if (!TryMember(address, out var member, out var problem))
        {
            return problem;
        }

        Cluster.Leave(member.Address);
        return new OpsOutcome(true, $"{member.Address} is leaving: its symbols and singletons hand over to the other nodes before it stops.");
    }

    /// <summary>Marks the member at <paramref name="address"/> down: for a node known to be dead (its process gone).</summary>
    public OpsOutcome Down(string address)
    {
        if (!TryMember(address, out var member, out var problem))
        {
            return problem;
        }

        Cluster.Down(member.Address);
        return new OpsOutcome(true, $"{member.Address} is marked down; its symbols and singletons start elsewhere after down-removal-margin.");
    }

    /// <summary>Marks every unreachable member down (what the split-brain resolver would do after stable-after).</summary>
    public OpsOutcome DownUnreachable()
    {
        var unreachable = Cluster.State.Unreachable.Select(m => m.Address).ToList();
        if (unreachable.Count == 0)
        {
            return new OpsOutcome(false, "No member is unreachable; nothing was downed.");
        }

        foreach (var address in unreachable)
        {
            Cluster.Down(address);
        }

        return new OpsOutcome(true, $"Marked down: {string.Join(", ", unreachable)}.");
    }

    /// <summary>Asks every trader node's symbol region which shards and symbols it runs.</summary>
    public async Task<ShardsView> ShardsAsync(CancellationToken cancellationToken)
    {
        var traders = Cluster.State.Members
            .Where(m => m.HasRole(RariHostingExtensions.TraderRole) && m.Status is MemberStatus.Up or MemberStatus.Leaving)
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .ToList();
        var answers = await Task.WhenAll(traders.Select(m => RegionOfAsync(m.Address, cancellationToken))).ConfigureAwait(false);
        return new ShardsView(answers);
    }

    /// <summary>
    /// The actors under <paramref name="path"/> (default <c>/user</c> of this node; a full path such as
    /// <c>akka.tcp://rari@host:4053/system/sharding</c> reaches another node), <paramref name="depth"/> levels deep.
    /// </summary>
    public async Task<ActorNode> ActorTreeAsync(string? path, int depth, CancellationToken cancellationToken)
    {
        var root = string.IsNullOrWhiteSpace(path) ? "/user" : path.Trim();
        if (!root.StartsWith('/') && !root.Contains("://", StringComparison.Ordinal))
        {
            root = "/" + root;
        }

        return await new ActorTreeWalker(_system, TreeCollectWindow).WalkAsync(root.TrimEnd('/'), Math.Clamp(depth, 1, 10), cancellationToken).ConfigureAwait(false);
    }

    private static Address? OldestTrader(ClusterEvent.CurrentClusterState state) =>
        state.Members
            .Where(m => m.HasRole(RariHostingExtensions.TraderRole) && m.Status is MemberStatus.Up or MemberStatus.Leaving)
            .OrderBy(m => m, Member.AgeOrdering)
            .FirstOrDefault()?.Address;

    private bool TryMember(string text, out Member member, out OpsOutcome problem)
    {
        member = null!;
        problem = null!;
        Address address;
        try
        {
            address = Address.Parse(text.Trim());
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
        {
            problem = new OpsOutcome(false, $"'{text}' is not a member address such as akka.tcp://rari@127.0.0.1:4053 (see 'rari ops cluster show').");
            return false;
        }

        var found = Cluster.State.Members.FirstOrDefault(m => m.Address == address);
        if (found is null)
        {
            problem = new OpsOutcome(false, $"{address} is not a member of this cluster (see 'rari ops cluster show').");
            return false;
        }

        member = found;
        return true;
    }

    private async Task<RegionView> RegionOfAsync(Address address, CancellationToken cancellationToken)
    {
        var path = new RootActorPath(address) / "system" / "sharding" / SymbolSharding.TypeName;
        try
        {
            var state = await _system.ActorSelection(path).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, _timeout, cancellationToken).ConfigureAwait(false);
            var shards = state.Shards
                .OrderBy(s => s.ShardId, StringComparer.Ordinal)
                .Select(s => new ShardView(s.ShardId, [.. s.EntityIds.Order(StringComparer.Ordinal)]))
                .ToList();
            return new RegionView(address.ToString(), shards, null);
        }
        catch (AskTimeoutException)
        {
            return new RegionView(address.ToString(), [], $"no answer within {_timeout.TotalSeconds:0} s");
        }
    }
}
