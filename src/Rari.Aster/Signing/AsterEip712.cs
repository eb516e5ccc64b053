using System.Text;

namespace Rari.Aster.Signing;

/// <summary>
/// The EIP-712 pieces of Aster V3 signing: the <c>AsterSignTransaction</c> domain and the
/// <c>Message(string msg)</c> struct every signed request uses (fact sheet §2.3.4).
/// </summary>
/// <remarks>
/// digest = keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash). Every method returns a fresh array, so
/// callers may keep or modify what they get.
/// </remarks>
public static class AsterEip712
{
    /// <summary>The domain's <c>name</c>.</summary>
    public const string DomainName = "AsterSignTransaction";

    /// <summary>The domain's <c>version</c>.</summary>
    public const string DomainVersion = "1";

    /// <summary>Chain id of the mainnet domain.</summary>
    public const long MainnetChainId = 1666;

    /// <summary>Chain id of the testnet domain.</summary>
    public const long TestnetChainId = 714;

    /// <summary>The <c>signatureChainId</c> the docs' demo uses for main-wallet actions (ccxt uses 1666 instead).</summary>
    public const long EvmMainWalletChainId = 56;

    /// <summary>The EIP-712 type string of the domain.</summary>
    public const string DomainType = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

    /// <summary>The EIP-712 type string of the request message.</summary>
    public const string MessageType = "Message(string msg)";

    private static readonly byte[] DomainTypeHashBytes = Keccak256.Hash(DomainType);
    private static readonly byte[] NameHashBytes = Keccak256.Hash(DomainName);
    private static readonly byte[] VersionHashBytes = Keccak256.Hash(DomainVersion);
    private static readonly byte[] MessageTypeHashBytes = Keccak256.Hash(MessageType);

    /// <summary>keccak256 of <see cref="DomainType"/>.</summary>
    public static byte[] DomainTypeHash() => (byte[])DomainTypeHashBytes.Clone();

    /// <summary>keccak256 of <see cref="DomainName"/>.</summary>
    public static byte[] NameHash() => (byte[])NameHashBytes.Clone();

    /// <summary>keccak256 of <see cref="DomainVersion"/>.</summary>
    public static byte[] VersionHash() => (byte[])VersionHashBytes.Clone();

    /// <summary>keccak256 of <see cref="MessageType"/>.</summary>
    public static byte[] MessageTypeHash() => (byte[])MessageTypeHashBytes.Clone();

    /// <summary>
    /// keccak256(DOMAIN_TYPEHASH ‖ keccak256(name) ‖ keccak256(version) ‖ uint256(chainId) ‖ uint256(0)), the
    /// verifying contract being the zero address.
    /// </summary>
    public static byte[] DomainSeparator(long chainId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chainId);
        return Keccak256.HashConcatenated(
            DomainTypeHashBytes, NameHashBytes, VersionHashBytes, Eip712Encoding.Uint256(chainId), new byte[32]);
    }

    /// <summary>keccak256(MESSAGE_TYPEHASH ‖ keccak256(utf8(msg))): the struct hash of <c>Message(string msg)</c>.</summary>
    public static byte[] MessageStructHash(string msg) =>
        Keccak256.HashConcatenated(MessageTypeHashBytes, Keccak256.Hash(Encoding.UTF8.GetBytes(msg)));

    /// <summary>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash): the 32 bytes that get signed.</summary>
    public static byte[] TypedDataDigest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        if (domainSeparator.Length != Keccak256.HashLength || structHash.Length != Keccak256.HashLength)
        {
            throw new ArgumentException("The domain separator and the struct hash have 32 bytes each.");
        }

        Span<byte> preimage = stackalloc byte[2 + (2 * Keccak256.HashLength)];
        preimage[0] = 0x19;
        preimage[1] = 0x01;
        domainSeparator.CopyTo(preimage[2..]);
        structHash.CopyTo(preimage[(2 + Keccak256.HashLength)..]);
        return Keccak256.Hash(preimage);
    }

    /// <summary>The digest of a V3 request message <paramref name="msg"/> under the domain of <paramref name="chainId"/>.</summary>
    public static byte[] MessageDigest(string msg, long chainId) =>
        TypedDataDigest(DomainSeparator(chainId), MessageStructHash(msg));

    /// <summary>The digest of a typed struct (main-wallet actions, §2.5) under the domain of <paramref name="chainId"/>.</summary>
    public static byte[] StructDigest(Eip712Struct data, long chainId) =>
        TypedDataDigest(DomainSeparator(chainId), data.StructHash());
}
