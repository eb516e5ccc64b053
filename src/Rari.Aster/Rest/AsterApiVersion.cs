namespace Rari.Aster.Rest;

/// <summary>
/// Which Aster futures API family the client talks to (fact sheet §1.2): the paths and the authentication scheme
/// follow from it. The business semantics of the two are the same.
/// </summary>
public enum AsterApiVersion
{
    /// <summary>
    /// <c>/fapi/v1</c> (plus <c>/fapi/v2/balance</c>, <c>/fapi/v2/positionRisk</c>, <c>/fapi/v4/account</c>) with an
    /// API key and HMAC-SHA256 signatures. Legacy: existing keys keep working, new ones can no longer be created.
    /// </summary>
    V1 = 1,

    /// <summary><c>/fapi/v3</c> with an API wallet and EIP-712 signatures; the recommended family.</summary>
    V3 = 3,
}
