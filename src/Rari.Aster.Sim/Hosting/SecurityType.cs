namespace Rari.Aster.Sim.Hosting;

/// <summary>
/// How an endpoint is protected (fact sheet §2.1). On V1 paths: NONE is public, MARKET_DATA and USER_STREAM need the
/// API-key header only, TRADE and USER_DATA need the key plus <c>timestamp</c> and an HMAC <c>signature</c>. On V3
/// paths NONE and MARKET_DATA are public and everything else is EIP-712 signed.
/// </summary>
public enum SecurityType
{
    /// <summary>Public.</summary>
    None = 0,

    /// <summary>V1: API key only; V3: public.</summary>
    MarketData = 1,

    /// <summary>V1: API key only (listenKey endpoints); V3: signed.</summary>
    UserStream = 2,

    /// <summary>Signed: places, changes or cancels something.</summary>
    Trade = 3,

    /// <summary>Signed: reads account data.</summary>
    UserData = 4,
}

/// <summary>Which signing scheme a request is checked against.</summary>
public enum AuthScheme
{
    /// <summary>V1: <c>X-MBX-APIKEY</c> header, <c>timestamp</c>/<c>recvWindow</c> and HMAC-SHA256.</summary>
    V1 = 1,

    /// <summary>V3: <c>user</c>, <c>signer</c>, <c>nonce</c> and an EIP-712 signature.</summary>
    V3 = 3,
}
