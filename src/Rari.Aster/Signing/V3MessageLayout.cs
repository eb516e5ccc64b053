namespace Rari.Aster.Signing;

/// <summary>
/// Where the identity parameters go in a V3 message and how addresses are spelled. The venue verifies whatever
/// text it receives, so both work; they differ as ccxt and the docs differ (fact sheet §2.3.6).
/// </summary>
public enum V3MessageLayout
{
    /// <summary>
    /// ccxt 4.5.84: <c>nonce</c>, <c>user</c>, <c>signer</c> first, then the business parameters; addresses
    /// lowercase. The default, because it is what the reference client sends.
    /// </summary>
    Ccxt = 0,

    /// <summary>The docs' Python examples: business parameters first, then <c>nonce</c>, <c>user</c>, <c>signer</c>; addresses EIP-55 checksummed.</summary>
    Docs = 1,
}
