using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Rari.Aster.Signing;

/// <summary>
/// Keccak-256 as Ethereum uses it (original Keccak padding), for EIP-712 hashing and address derivation.
/// </summary>
/// <remarks>
/// This is <b>not</b> NIST SHA3-256: the two differ only in the padding byte, so they give different hashes for
/// the same input (<c>keccak256("")</c> starts <c>c5d24601</c>, <c>sha3_256("")</c> starts <c>a7ffc6f8</c>).
/// A fresh digest is made per call, so the helper is safe to use from any thread.
/// </remarks>
public static class Keccak256
{
    /// <summary>Length of a Keccak-256 hash in bytes.</summary>
    public const int HashLength = 32;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes; a Keccak-256 hash needs {HashLength}.", nameof(destination));
        }

        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    /// <summary>The 32-byte Keccak-256 hash of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashLength];
        Hash(data, hash);
        return hash;
    }

    /// <summary>The 32-byte Keccak-256 hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>The hash of several byte strings concatenated in order, as EIP-712's <c>encodeData</c> needs.</summary>
    public static byte[] HashConcatenated(params ReadOnlySpan<byte[]> parts)
    {
        var digest = new KeccakDigest(256);
        foreach (var part in parts)
        {
            digest.BlockUpdate(part);
        }

        var hash = new byte[HashLength];
        digest.DoFinal(hash);
        return hash;
    }
}
