namespace Rari.Node.Ops;

/// <summary>The ops endpoint's HTTP routes, shared by the node's endpoint and the <c>rari ops</c> client.</summary>
public static class OpsRoutes
{
    /// <summary>GET: the cluster's members.</summary>
    public const string Cluster = "/ops/cluster";

    /// <summary>POST ?address=: a member leaves.</summary>
    public const string Leave = "/ops/cluster/leave";

    /// <summary>POST ?address=: a member is marked down.</summary>
    public const string Down = "/ops/cluster/down";

    /// <summary>POST: every unreachable member is marked down.</summary>
    public const string DownUnreachable = "/ops/cluster/down-unreachable";

    /// <summary>GET: the shards and symbols of every trader node.</summary>
    public const string Shards = "/ops/shards";

    /// <summary>GET ?path=&amp;depth=: the actor tree.</summary>
    public const string Actors = "/ops/actors";

    /// <summary>GET: the trader's status.</summary>
    public const string Trader = "/ops/trader";

    /// <summary>POST ?symbol=&amp;reason=: halt one symbol or all.</summary>
    public const string Halt = "/ops/trader/halt";

    /// <summary>POST ?symbol=&amp;reason=: resume one symbol or all.</summary>
    public const string Resume = "/ops/trader/resume";

    /// <summary>POST ?symbol=&amp;reason=: flatten one symbol or all.</summary>
    public const string Flatten = "/ops/trader/flatten";

    /// <summary>GET: the risk gate's state.</summary>
    public const string Risk = "/ops/risk";

    /// <summary>GET: the open orders.</summary>
    public const string Orders = "/ops/orders";

    /// <summary>GET ?lines=: the answering node's log.</summary>
    public const string Log = "/ops/log";
}
