namespace Rari.Aster.Rest;

/// <summary>
/// One REST endpoint of the futures API: its method, its V1 and V3 paths (fact sheet §1.2, §3.0), how it is
/// authenticated, its request weight and whether repeating it is safe.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="V1Path">The path in the V1 family, e.g. <c>/fapi/v2/balance</c>.</param>
/// <param name="V3Path">The path in the V3 family, e.g. <c>/fapi/v3/balance</c>.</param>
/// <param name="Security">How requests are authenticated.</param>
/// <param name="Weight">The base request weight; some endpoints weigh more for some parameters (the client passes that).</param>
/// <param name="IsSafeToRetry">
/// Whether sending it twice does no harm (reads, cancels, keep-alives), so a failed attempt may be repeated. New
/// orders and margin changes are never repeated blindly.
/// </param>
/// <param name="PlacesOrders">Whether it counts against the ORDERS limit.</param>
public sealed record AsterEndpoint(
    HttpMethod Method,
    string V1Path,
    string V3Path,
    EndpointSecurity Security,
    int Weight,
    bool IsSafeToRetry,
    bool PlacesOrders = false)
{
    /// <summary>The path for an API family.</summary>
    public string PathFor(AsterApiVersion version) => version == AsterApiVersion.V1 ? V1Path : V3Path;

    /// <summary>Whether the request carries a signature in this API family.</summary>
    public bool IsSigned(AsterApiVersion version) =>
        Security == EndpointSecurity.Signed || (Security == EndpointSecurity.UserStream && version == AsterApiVersion.V3);

    /// <summary>Whether credentials are needed at all in this API family.</summary>
    public bool NeedsCredentials(AsterApiVersion version) =>
        IsSigned(version) || (version == AsterApiVersion.V1 && Security is EndpointSecurity.MarketData or EndpointSecurity.UserStream);

    /// <summary>The method and V3 path, e.g. <c>POST /fapi/v3/order</c>.</summary>
    public override string ToString() => $"{Method} {V3Path}";
}
