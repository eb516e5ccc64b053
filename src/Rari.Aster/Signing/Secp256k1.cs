using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Rari.Aster.Signing;

/// <summary>
/// The secp256k1 operations Ethereum signatures need: deterministic signing, low-s form, recovery id and
/// public-key recovery (<c>ecrecover</c>). BouncyCastle types stay inside this class.
/// </summary>
internal static class Secp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    /// <summary>Curve domain (generator, order) shared by every key; BouncyCastle treats it as immutable.</summary>
    public static readonly ECDomainParameters Domain = new(Curve);

    /// <summary>n / 2: an <c>s</c> above it is the "high" twin of a valid signature (EIP-2 forbids it).</summary>
    public static readonly BigInteger HalfOrder = Domain.N.ShiftRight(1);

    /// <summary>The curve order n.</summary>
    public static BigInteger Order => Domain.N;

    /// <summary>Reads 32 big-endian bytes as an unsigned integer.</summary>
    public static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);

    /// <summary>Writes an unsigned integer as big-endian bytes filling <paramref name="destination"/>, zero-padded on the left.</summary>
    public static void WriteInteger(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        var padding = destination.Length - bytes.Length;
        destination[..padding].Clear();
        bytes.CopyTo(destination[padding..]);
    }

    /// <summary>Whether <paramref name="d"/> is a usable private key: 1 ≤ d &lt; n.</summary>
    public static bool IsValidPrivateKey(BigInteger d) => d.SignValue > 0 && d.CompareTo(Order) < 0;

    /// <summary>The public point d·G.</summary>
    public static ECPoint PublicPoint(BigInteger d) => Domain.G.Multiply(d).Normalize();

    /// <summary>
    /// Signs a 32-byte digest with RFC 6979 deterministic k (HMAC-SHA256), normalises s to the low half and finds
    /// the recovery id (0 or 1) that brings back <paramref name="publicPoint"/>.
    /// </summary>
    public static (BigInteger R, BigInteger S, int RecoveryId) Sign(BigInteger d, ECPoint publicPoint, ReadOnlySpan<byte> digest)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var rs = signer.GenerateSignature(digest.ToArray());
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfOrder) > 0)
        {
            // Low-s (EIP-2): ethers, noble and ccxt emit s ≤ n/2; the recovery id found below accounts for the flip.
            s = Order.Subtract(s);
        }

        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            if (Recover(digest, r, s, recoveryId) is { } candidate && candidate.Equals(publicPoint))
            {
                return (r, s, recoveryId);
            }
        }

        // Ids 2 and 3 need r ≥ n before reduction (odds about 2^-128) and cannot be written as v = 27/28.
        throw new InvalidOperationException("The signature's recovery id is not 0 or 1, which an Ethereum v byte cannot express.");
    }

    /// <summary>
    /// Recovers the public point that produced (r, s) over <paramref name="digest"/> for recovery id 0 or 1 (the
    /// parity of R's y), or null when no such point exists. r and s must already be in [1, n-1].
    /// </summary>
    public static ECPoint? Recover(ReadOnlySpan<byte> digest, BigInteger r, BigInteger s, int recoveryId)
    {
        var n = Order;
        if (DecompressPoint(r, recoveryId == 1) is not { } rPoint)
        {
            return null;
        }

        // Q = r⁻¹ (s·R − e·G)
        var e = ToInteger(digest);
        var rInverse = r.ModInverse(n);
        var minusE = BigInteger.Zero.Subtract(e).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, rInverse.Multiply(minusE).Mod(n), rPoint, rInverse.Multiply(s).Mod(n))
            .Normalize();
        return q.IsInfinity ? null : q;
    }

    private static ECPoint? DecompressPoint(BigInteger x, bool oddY)
    {
        var encoded = new byte[33];
        encoded[0] = (byte)(oddY ? 0x03 : 0x02);
        WriteInteger(x, encoded.AsSpan(1));
        try
        {
            return Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            // x is not the x-coordinate of a curve point: the signature is forged or corrupted.
            return null;
        }
    }
}
