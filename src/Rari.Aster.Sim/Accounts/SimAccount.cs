using Rari.Aster.Signing;

namespace Rari.Aster.Sim.Accounts;

/// <summary>
/// One trading account of the simulated exchange: its name, starting USDT balance, and the credentials that reach it —
/// a V1 API key with its HMAC secret, a V3 main-wallet address with the API wallets allowed to sign for it, or both.
/// </summary>
/// <remarks>
/// A V3 user may always sign for itself (ccxt does, fact sheet §2.3.1); <see cref="Signers"/> lists additional
/// approved agents. The V1 secret is held to verify signatures and is never written to logs or replies.
/// </remarks>
/// <param name="Name">Unique account name, used in logs and by the Venue wiring.</param>
/// <param name="Balance">Starting wallet balance in USDT.</param>
/// <param name="V1">The V1 key and secret, or null when the account has no V1 access.</param>
/// <param name="V3User">The V3 main-wallet address, or null when the account has no V3 access.</param>
/// <param name="Signers">API-wallet addresses approved to sign for <paramref name="V3User"/>.</param>
public sealed record SimAccount(string Name, decimal Balance, V1Credentials? V1, EthAddress? V3User, IReadOnlySet<EthAddress> Signers)
{
    /// <summary>Whether <paramref name="signer"/> may sign V3 requests for this account: the user itself or an approved agent.</summary>
    public bool MaySign(EthAddress signer) => V3User == signer || Signers.Contains(signer);
}
