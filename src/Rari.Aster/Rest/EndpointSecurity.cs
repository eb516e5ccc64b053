namespace Rari.Aster.Rest;

/// <summary>How an endpoint is authenticated (fact sheet §2.1).</summary>
public enum EndpointSecurity
{
    /// <summary>Public: no key, no signature.</summary>
    None = 0,

    /// <summary>V1: the API-key header, no signature. V3: public.</summary>
    MarketData = 1,

    /// <summary>V1: the API-key header only (listenKey endpoints). V3: signed like <see cref="Signed"/>.</summary>
    UserStream = 2,

    /// <summary>TRADE / USER_DATA. V1: key header, <c>timestamp</c>, <c>recvWindow</c>, HMAC. V3: <c>nonce</c>, <c>user</c>, <c>signer</c>, EIP-712.</summary>
    Signed = 3,
}
