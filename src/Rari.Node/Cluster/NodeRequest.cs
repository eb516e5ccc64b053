using Rari.Node.Ops;
using Rari.Node.Trading;

namespace Rari.Node.Cluster;

/// <summary>A checked <c>rari node</c> request: the trading part as <c>rari run</c> has it, the cluster endpoint and the ops endpoint.</summary>
/// <param name="Run">The trading arguments (mode, venue, symbols, configuration, state, logs), checked as <c>rari run</c> checks them.</param>
/// <param name="Endpoint">Where the node listens and whom it joins.</param>
/// <param name="Ops">Where the ops endpoint listens, or null when it is off.</param>
public sealed record NodeRequest(RunRequest Run, ClusterEndpoint Endpoint, OpsEndpointOptions? Ops)
{
    /// <summary>
    /// Settings every cluster node starts with, under the user's <c>--set</c>s: a gateway that stops at a hand-over leaves
    /// its open orders for the next one to adopt instead of cancelling the whole book.
    /// </summary>
    public static readonly IReadOnlyList<string> NodeDefaults = ["gateway.open-orders-on-shutdown=leave"];

    /// <summary>Settings no cluster node can change: the journal is shared, so it is PostgreSQL.</summary>
    public static readonly IReadOnlyList<string> NodeFixed = ["persistence.provider=postgresql"];

    /// <summary>Checks the raw arguments; returns one message per problem (empty when <paramref name="request"/> is set).</summary>
    /// <param name="raw">The trading arguments; <see cref="RunArguments.Test"/> is derived from the venue.</param>
    /// <param name="endpointErrors">Problems already found reading the cluster endpoint.</param>
    /// <param name="endpoint">The cluster endpoint.</param>
    /// <param name="ops">The ops endpoint, or null when off.</param>
    /// <param name="request">The checked request.</param>
    public static IReadOnlyList<string> TryCreate(RunArguments raw, IReadOnlyList<string> endpointErrors, ClusterEndpoint endpoint, OpsEndpointOptions? ops, out NodeRequest? request)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(endpointErrors);
        request = null;

        // A node trades Aster, or (paper) a running simulator named by --venue: never one of its own, which the other
        // nodes could not share.
        var run = raw with { Test = raw.Venue is not null, Sets = [.. NodeDefaults, .. raw.Sets, .. NodeFixed] };
        var errors = new List<string>(endpointErrors);
        errors.AddRange(RunRequest.TryCreate(run, out var runRequest));
        if (errors.Count > 0)
        {
            return errors;
        }

        request = new NodeRequest(runRequest!, endpoint, ops);
        return errors;
    }
}
