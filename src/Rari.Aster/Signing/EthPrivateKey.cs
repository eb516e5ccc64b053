using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Rari.Aster.Signing;

/// <summary>
/// A secp256k1 private key (an Aster API wallet's or main wallet's) with its derived address; signs 32-byte
/// digests the way ethers and ccxt do.
/// </summary>
/// <remarks>
/// The key never appears in <see cref="ToString"/> or in any exception message. Instances are immutable and
/// safe to share between threads.
/// </remarks>
public sealed class EthPrivateKey : IEquatable<EthPrivateKey>
{
    private readonly BigInteger _d;
    private readonly ECPoint _publicPoint;

    private EthPrivateKey(BigInteger d)
    {
        _d = d;
        _publicPoint = Secp256k1.PublicPoint(d);
        Address = EthAddress.FromPublicKey(_publicPoint.GetEncoded(false));
    }

    /// <summary>The account address of this key (last 20 bytes of keccak256 of the public key).</summary>
    public EthAddress Address { get; }

    /// <summary>The 65-byte uncompressed public key, <c>0x04 ‖ X ‖ Y</c>.</summary>
    public byte[] PublicKey => _publicPoint.GetEncoded(false);

    /// <summary>Parses 64 hex digits, with or without <c>0x</c>.</summary>
    /// <exception cref="FormatException">Not a valid key; the message says why without echoing the text.</exception>
    public static EthPrivateKey Parse(string text) =>
        TryParse(text, out var key, out var problem) ? key : throw new FormatException(problem);

    /// <summary>Parses like <see cref="Parse"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out EthPrivateKey? key,
        [NotNullWhen(false)] out string? problem)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "The private key is empty.";
            return false;
        }

        var hex = HexText.StripPrefix(text.AsSpan());
        if (hex.Length != 64)
        {
            problem = $"A private key has 64 hex digits (optionally after 0x); this one has {hex.Length} characters.";
            return false;
        }

        if (!HexText.IsHex(hex))
        {
            problem = "The private key contains characters that are not hex digits.";
            return false;
        }

        var d = Secp256k1.ToInteger(Convert.FromHexString(hex));
        if (!Secp256k1.IsValidPrivateKey(d))
        {
            problem = "The private key is zero or not below the secp256k1 curve order.";
            return false;
        }

        key = new EthPrivateKey(d);
        problem = null;
        return true;
    }

    /// <summary>Builds a key from its 32 raw big-endian bytes.</summary>
    /// <exception cref="ArgumentException">Wrong length, zero, or not below the curve order.</exception>
    public static EthPrivateKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException($"A private key has 32 bytes, not {bytes.Length}.", nameof(bytes));
        }

        var d = Secp256k1.ToInteger(bytes);
        return Secp256k1.IsValidPrivateKey(d)
            ? new EthPrivateKey(d)
            : throw new ArgumentException("The private key is zero or not below the secp256k1 curve order.", nameof(bytes));
    }

    /// <summary>
    /// Signs a 32-byte digest: RFC 6979 deterministic k, low-s, v = 27 + recovery id. The same key and digest
    /// always give the same signature, byte for byte what ethers' <c>Wallet.signTypedData</c> gives.
    /// </summary>
    public EthSignature Sign(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Keccak256.HashLength)
        {
            throw new ArgumentException($"The digest has {Keccak256.HashLength} bytes, not {digest.Length}.", nameof(digest));
        }

        var (r, s, recoveryId) = Secp256k1.Sign(_d, _publicPoint, digest);
        Span<byte> rBytes = stackalloc byte[32];
        Span<byte> sBytes = stackalloc byte[32];
        Secp256k1.WriteInteger(r, rBytes);
        Secp256k1.WriteInteger(s, sBytes);
        return EthSignature.FromParts(rBytes, sBytes, recoveryId);
    }

    /// <summary>Names the key by its address only.</summary>
    public override string ToString() => $"EthPrivateKey {{ Address = {Address} }}";

    /// <inheritdoc />
    public bool Equals(EthPrivateKey? other) => other is not null && _d.Equals(other._d);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EthPrivateKey);

    /// <inheritdoc />
    public override int GetHashCode() => Address.GetHashCode();
}
