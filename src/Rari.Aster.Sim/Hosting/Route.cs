using Rari.Aster.Signing;
using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Hosting;

/// <summary>Answers one routed request.</summary>
internal delegate ValueTask<SimReply> EndpointHandler(SimCall call, CancellationToken cancellationToken);

/// <summary>
/// One REST endpoint: method and path, how it is protected, what it costs against the rate limits, and who answers.
/// </summary>
/// <param name="Method">HTTP method in upper case.</param>
/// <param name="Path">Exact path, e.g. <c>/fapi/v3/order</c>.</param>
/// <param name="Security">Its security type (fact sheet §3.0).</param>
/// <param name="Weight">Its request weight for the given parameters.</param>
/// <param name="OrderCount">How many orders it counts against the ORDERS limit; 0 for non-order endpoints.</param>
/// <param name="Handler">The handler.</param>
internal sealed record Route(
    string Method,
    string Path,
    SecurityType Security,
    Func<RequestParameters, int> Weight,
    Func<RequestParameters, int> OrderCount,
    EndpointHandler Handler)
{
    /// <summary>
    /// For actions the main wallet signs as typed data instead of <c>Message(string msg)</c> (§2.5): builds the
    /// struct whose signature, under the domain of the request's <c>signatureChainId</c>, must recover to <c>user</c>.
    /// </summary>
    public Func<RequestParameters, Eip712Struct>? MainWalletStruct { get; init; }

    /// <summary>Whether the endpoint counts against the ORDERS limit (and reports <c>X-MBX-ORDER-COUNT-1M</c>).</summary>
    public bool IsOrderEndpoint { get; init; }
}

/// <summary>A request after routing and authentication, as handlers see it.</summary>
/// <param name="Route">The matched route.</param>
/// <param name="Parameters">The request's parameters.</param>
/// <param name="Account">The authenticated account, or null on public endpoints.</param>
/// <param name="Scheme">The signing family of the path (V1 or V3).</param>
/// <param name="WallTimeMs">Server wall-clock time at arrival, UTC epoch ms.</param>
/// <param name="MarketTimeMs">Replay market time at arrival, UTC epoch ms.</param>
internal sealed record SimCall(
    Route Route,
    RequestParameters Parameters,
    SimAccount? Account,
    AuthScheme Scheme,
    long WallTimeMs,
    long MarketTimeMs);

/// <summary>The REST routes, looked up by exact path and method.</summary>
internal sealed class RouteTable
{
    private readonly Dictionary<string, Dictionary<string, Route>> _routes = new(StringComparer.Ordinal);

    /// <summary>Every route, in registration order.</summary>
    public IEnumerable<Route> All => _routes.Values.SelectMany(byMethod => byMethod.Values);

    /// <summary>Adds a route.</summary>
    /// <exception cref="InvalidOperationException">The method and path are already routed.</exception>
    public void Add(Route route)
    {
        if (!_routes.TryGetValue(route.Path, out var byMethod))
        {
            byMethod = new Dictionary<string, Route>(StringComparer.Ordinal);
            _routes.Add(route.Path, byMethod);
        }

        if (!byMethod.TryAdd(route.Method, route))
        {
            throw new InvalidOperationException($"{route.Method} {route.Path} is routed twice.");
        }
    }

    /// <summary>The route for a request, or null with whether the path exists under another method.</summary>
    public Route? Find(string method, string path, out bool pathExists)
    {
        pathExists = _routes.TryGetValue(path, out var byMethod);
        return byMethod is not null && byMethod.TryGetValue(method, out var route) ? route : null;
    }
}
