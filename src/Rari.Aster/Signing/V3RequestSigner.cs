using System.Globalization;

namespace Rari.Aster.Signing;

/// <summary>
/// Signs V3 requests (fact sheet §2.3): adds <c>nonce</c>, <c>user</c> and <c>signer</c> to the url-encoded
/// business parameters, and signs the resulting text as EIP-712 <c>Message(string msg)</c> with the API wallet key.
/// </summary>
/// <remarks>
/// The message is the exact transmitted text minus <c>&amp;signature=…</c>, so the caller sends
/// <see cref="V3SignedRequest.Payload"/> unchanged. Immutable and thread-safe.
/// </remarks>
public sealed class V3RequestSigner
{
    private static readonly string[] Reserved = ["nonce", "user", "signer", SignatureParameter.Name];

    private readonly Eip712Signer _signer;
    private readonly string _user;
    private readonly string _signerAddress;

    /// <summary>Signs for <paramref name="credentials"/> under the domain of <paramref name="chainId"/>.</summary>
    /// <param name="credentials">The user, signer and signing key.</param>
    /// <param name="chainId">1666 for mainnet (<see cref="AsterEip712.MainnetChainId"/>), 714 for testnet.</param>
    /// <param name="layout">Parameter order and address spelling; ccxt's by default.</param>
    public V3RequestSigner(V3Credentials credentials, long chainId, V3MessageLayout layout = V3MessageLayout.Ccxt)
    {
        if (!Enum.IsDefined(layout))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown V3 message layout.");
        }

        _signer = new Eip712Signer(credentials.PrivateKey, chainId);
        Layout = layout;
        (_user, _signerAddress) = layout == V3MessageLayout.Ccxt
            ? (credentials.User.ToLowerHex(), credentials.Signer.ToLowerHex())
            : (credentials.User.ToChecksumString(), credentials.Signer.ToChecksumString());
    }

    /// <summary>The EIP-712 domain's chain id.</summary>
    public long ChainId => _signer.ChainId;

    /// <summary>Parameter order and address spelling of the messages.</summary>
    public V3MessageLayout Layout { get; }

    /// <summary>The message text for business parameters and a nonce, in this signer's layout.</summary>
    /// <exception cref="ArgumentException">The parameters already hold nonce, user, signer or signature.</exception>
    public string BuildMessage(ParameterStringBuilder parameters, long nonce)
    {
        foreach (var name in Reserved)
        {
            if (parameters.Contains(name))
            {
                throw new ArgumentException($"Parameter '{name}' is added by the signer; leave it out.", nameof(parameters));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nonce);
        var identity = $"nonce={nonce.ToString(CultureInfo.InvariantCulture)}&user={_user}&signer={_signerAddress}";
        var business = parameters.ToString();
        if (business.Length == 0)
        {
            return identity;
        }

        return Layout == V3MessageLayout.Ccxt ? $"{identity}&{business}" : $"{business}&{identity}";
    }

    /// <summary>Builds the message for <paramref name="parameters"/> and <paramref name="nonce"/> and signs it.</summary>
    /// <param name="parameters">The business parameters, without the identity parameters.</param>
    /// <param name="nonce">A fresh nonce from <see cref="V3NonceSource"/>, in epoch microseconds.</param>
    public V3SignedRequest Sign(ParameterStringBuilder parameters, long nonce)
    {
        var message = BuildMessage(parameters, nonce);
        return new V3SignedRequest(message, nonce, _signer.SignMessage(message));
    }

    /// <summary>Names the signer by address, chain and layout.</summary>
    public override string ToString() =>
        $"V3RequestSigner {{ User = {_user}, Signer = {_signerAddress}, ChainId = {ChainId}, Layout = {Layout} }}";
}
