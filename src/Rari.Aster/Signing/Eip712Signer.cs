namespace Rari.Aster.Signing;

/// <summary>
/// Signs EIP-712 typed data under the Aster domain of one chain: request messages (<c>Message(string msg)</c>)
/// and main-wallet action structs.
/// </summary>
/// <remarks>Immutable and thread-safe; the key never appears in <see cref="ToString"/>.</remarks>
public sealed class Eip712Signer
{
    private readonly EthPrivateKey _key;
    private readonly byte[] _domainSeparator;

    /// <summary>Signs with <paramref name="key"/> under the domain of <paramref name="chainId"/> (1666 mainnet, 714 testnet).</summary>
    public Eip712Signer(EthPrivateKey key, long chainId)
    {
        _key = key;
        ChainId = chainId;
        _domainSeparator = AsterEip712.DomainSeparator(chainId);
    }

    /// <summary>The EIP-712 domain's chain id.</summary>
    public long ChainId { get; }

    /// <summary>The address signatures recover to.</summary>
    public EthAddress Address => _key.Address;

    /// <summary>The digest signed for a request message.</summary>
    public byte[] MessageDigest(string msg) => AsterEip712.TypedDataDigest(_domainSeparator, AsterEip712.MessageStructHash(msg));

    /// <summary>Signs a request message: the exact transmitted parameter text without <c>&amp;signature=…</c>.</summary>
    public EthSignature SignMessage(string msg) => _key.Sign(MessageDigest(msg));

    /// <summary>Signs a typed struct (main-wallet actions, §2.5).</summary>
    public EthSignature SignStruct(Eip712Struct data) =>
        _key.Sign(AsterEip712.TypedDataDigest(_domainSeparator, data.StructHash()));

    /// <summary>Names the signer by address and chain.</summary>
    public override string ToString() => $"Eip712Signer {{ Address = {Address}, ChainId = {ChainId} }}";
}
