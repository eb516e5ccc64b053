using System.Diagnostics.CodeAnalysis;

namespace Rari.Aster.Signing;

/// <summary>
/// A 65-byte recoverable secp256k1 signature <c>r ‖ s ‖ v</c> with v = 27 + recovery id, as Aster V3 requests
/// carry it in the <c>signature</c> parameter.
/// </summary>
/// <remarks>
/// Invariants: 1 ≤ r &lt; n, 1 ≤ s ≤ n/2 (low-s), recovery id 0 or 1. Parsing accepts the spellings the fact
/// sheet lists (with or without <c>0x</c>, v as 27/28 or 0/1); <see cref="ToHex"/> always writes
/// <c>0x</c> + lowercase hex with v = 1b/1c, exactly as ccxt and ethers do.
/// </remarks>
public sealed class EthSignature : IEquatable<EthSignature>
{
    /// <summary>Length of the serialised signature in bytes.</summary>
    public const int ByteLength = 65;

    private readonly byte[] _bytes;

    private EthSignature(byte[] bytes) => _bytes = bytes;

    /// <summary>The 32-byte big-endian r.</summary>
    public ReadOnlySpan<byte> R => _bytes.AsSpan(0, 32);

    /// <summary>The 32-byte big-endian s (always in the low half of the curve order).</summary>
    public ReadOnlySpan<byte> S => _bytes.AsSpan(32, 32);

    /// <summary>The recovery id, 0 or 1: which of the two candidate points is the signer's key.</summary>
    public int RecoveryId => _bytes[64] - 27;

    /// <summary>The Ethereum v byte, 27 or 28.</summary>
    public int V => _bytes[64];

    /// <summary>Assembles a signature from its parts, checking the invariants.</summary>
    /// <exception cref="ArgumentException">r or s is out of range, s is high, or the recovery id is not 0 or 1.</exception>
    public static EthSignature FromParts(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId)
    {
        if (r.Length != 32 || s.Length != 32)
        {
            throw new ArgumentException($"r and s have 32 bytes each, not {r.Length} and {s.Length}.");
        }

        if (recoveryId is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(recoveryId), recoveryId, "The recovery id is 0 or 1.");
        }

        var bytes = new byte[ByteLength];
        r.CopyTo(bytes);
        s.CopyTo(bytes.AsSpan(32));
        bytes[64] = (byte)(27 + recoveryId);
        var (failure, reason) = CheckScalars(bytes);
        return failure == SignatureFailure.None ? new EthSignature(bytes) : throw new ArgumentException(reason);
    }

    /// <summary>Parses a signature, accepting every spelling the venue accepts.</summary>
    /// <exception cref="FormatException">The text is not a valid signature; the message says why.</exception>
    public static EthSignature Parse(string text) =>
        TryParse(text, out var signature, out _, out var reason) ? signature : throw new FormatException(reason);

    /// <summary>
    /// Parses a signature; on failure reports what kind of problem it is and a one-sentence reason. High-s
    /// signatures are refused (<see cref="SignatureFailure.HighS"/>) even though they would recover.
    /// </summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out EthSignature? signature,
        out SignatureFailure failure,
        [NotNullWhen(false)] out string? reason)
    {
        signature = null;
        (failure, var problem) = Decode(text, out var bytes);
        if (failure != SignatureFailure.None || bytes is null)
        {
            reason = problem ?? "The signature is invalid.";
            return false;
        }

        signature = new EthSignature(bytes);
        reason = null;
        return true;
    }

    /// <summary>
    /// Recovers the address that made this signature over a 32-byte digest (<c>ecrecover</c>); false when the
    /// signature fits no public key for that digest.
    /// </summary>
    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, out EthAddress address)
    {
        if (digest.Length != Keccak256.HashLength)
        {
            throw new ArgumentException($"The digest has {Keccak256.HashLength} bytes, not {digest.Length}.", nameof(digest));
        }

        address = default;
        var point = Secp256k1.Recover(digest, Secp256k1.ToInteger(R), Secp256k1.ToInteger(S), RecoveryId);
        if (point is null)
        {
            return false;
        }

        address = EthAddress.FromPublicKey(point.GetEncoded(false));
        return true;
    }

    /// <summary>The 65 serialised bytes r ‖ s ‖ v.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary><c>0x</c> + 130 lowercase hex digits, v written as 1b or 1c.</summary>
    public string ToHex() => HexText.Prefixed(_bytes);

    /// <summary>The same text as <see cref="ToHex"/> (a signature is public).</summary>
    public override string ToString() => ToHex();

    /// <inheritdoc />
    public bool Equals(EthSignature? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EthSignature);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    private static (SignatureFailure Failure, string? Reason) Decode(string? text, out byte[]? bytes)
    {
        bytes = null;
        if (string.IsNullOrEmpty(text))
        {
            return (SignatureFailure.Missing, "The signature is missing.");
        }

        var hex = HexText.StripPrefix(text);
        if (hex.Length != ByteLength * 2)
        {
            return (SignatureFailure.Malformed,
                $"A signature has {ByteLength * 2} hex digits (65 bytes r‖s‖v); this one has {hex.Length}.");
        }

        if (!HexText.IsHex(hex))
        {
            return (SignatureFailure.Malformed, "The signature contains characters that are not hex digits.");
        }

        var decoded = Convert.FromHexString(hex);
        var v = decoded[64];
        switch (v)
        {
            case 27 or 28:
                break;
            case 0 or 1:
                // eth_account-style recovery id; normalise to 27/28.
                decoded[64] = (byte)(v + 27);
                break;
            default:
                return (SignatureFailure.Malformed, $"The signature's v byte is {v}; it must be 27 or 28 (or 0 or 1).");
        }

        var (failure, reason) = CheckScalars(decoded);
        if (failure == SignatureFailure.None)
        {
            bytes = decoded;
        }

        return (failure, reason);
    }

    private static (SignatureFailure Failure, string? Reason) CheckScalars(byte[] bytes)
    {
        var r = Secp256k1.ToInteger(bytes.AsSpan(0, 32));
        var s = Secp256k1.ToInteger(bytes.AsSpan(32, 32));
        if (r.SignValue == 0 || r.CompareTo(Secp256k1.Order) >= 0)
        {
            return (SignatureFailure.Malformed, "The signature's r is zero or not below the curve order.");
        }

        if (s.SignValue == 0 || s.CompareTo(Secp256k1.Order) >= 0)
        {
            return (SignatureFailure.Malformed, "The signature's s is zero or not below the curve order.");
        }

        return s.CompareTo(Secp256k1.HalfOrder) > 0
            ? (SignatureFailure.HighS, "The signature's s is in the upper half of the curve order (not low-s, EIP-2).")
            : (SignatureFailure.None, null);
    }
}
