using Rari.Aster.Signing;

namespace Rari.Aster.Rest;

/// <summary>One call to make: the endpoint, its business parameters (in the order they are sent) and its weight.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Parameters">The business parameters; the transport adds the identity, timing and signature ones.</param>
/// <param name="Weight">The weight for these parameters, or null for the endpoint's base weight.</param>
public sealed record AsterRequest(AsterEndpoint Endpoint, ParameterStringBuilder Parameters, int? Weight = null)
{
    /// <summary>The weight the rate-limit budget reserves.</summary>
    public int EffectiveWeight => Weight ?? Endpoint.Weight;
}
