using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Rari.Aster.Signing;

/// <summary>
/// A 20-byte Ethereum account address: the Aster <c>user</c> (main wallet) or <c>signer</c> (API wallet).
/// </summary>
/// <remarks>
/// Equality ignores letter case, because the venue and its clients mix lowercase (ccxt) and EIP-55 checksummed
/// (the docs) spellings of the same address. <c>default</c> is the zero address.
/// Parse errors describe the text's shape but never echo it: a private key pasted into an address setting must
/// not end up in a log.
/// </remarks>
public readonly struct EthAddress : IEquatable<EthAddress>
{
    private const int ByteLength = 20;
    private const int HexLength = ByteLength * 2;
    private const string ZeroHex = "0000000000000000000000000000000000000000";

    private readonly string? _lowerHex;

    private EthAddress(string lowerHex) => _lowerHex = lowerHex;

    /// <summary>The zero address, <c>0x0000…0000</c> (the EIP-712 <c>verifyingContract</c> Aster uses).</summary>
    public static EthAddress Zero => default;

    private string LowerHex => _lowerHex ?? ZeroHex;

    /// <summary>Builds an address from its 20 raw bytes.</summary>
    public static EthAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException($"An address has {ByteLength} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new EthAddress(Convert.ToHexStringLower(bytes));
    }

    /// <summary>
    /// Derives the address of a secp256k1 public key: the last 20 bytes of the Keccak-256 of the 64-byte
    /// uncompressed key (X ‖ Y, without the <c>0x04</c> prefix).
    /// </summary>
    public static EthAddress FromPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        var key = uncompressedPublicKey.Length == 65 && uncompressedPublicKey[0] == 0x04
            ? uncompressedPublicKey[1..]
            : uncompressedPublicKey;
        if (key.Length != 64)
        {
            throw new ArgumentException(
                "An uncompressed secp256k1 public key has 64 bytes (or 65 with the 0x04 prefix).", nameof(uncompressedPublicKey));
        }

        var hash = Keccak256.Hash(key);
        return FromBytes(hash.AsSpan(Keccak256.HashLength - ByteLength));
    }

    /// <summary>
    /// Parses <c>0x</c> + 40 hex digits in any letter case. The EIP-55 checksum is not enforced here; see
    /// <see cref="HasValidChecksum"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not an address; the message says why without echoing it.</exception>
    public static EthAddress Parse(string text) =>
        TryParse(text, out var address, out var problem) ? address : throw new FormatException(problem);

    /// <summary>Parses like <see cref="Parse"/> and reports success instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EthAddress address) =>
        TryParse(text, out address, out _);

    /// <summary>Parses like <see cref="Parse"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EthAddress address, [NotNullWhen(false)] out string? problem)
    {
        address = default;
        problem = Describe(text);
        if (problem is not null)
        {
            return false;
        }

        address = new EthAddress(text![2..].ToLowerInvariant());
        return true;
    }

    /// <summary>
    /// Whether the text is a well-formed address whose letter case is acceptable under EIP-55: all lowercase,
    /// all uppercase, or mixed case that matches the checksum exactly.
    /// </summary>
    /// <remarks>Use it on addresses typed by people (configuration), where a wrong mixed-case letter betrays a typo.</remarks>
    public static bool HasValidChecksum(string? text)
    {
        if (!TryParse(text, out var address))
        {
            return false;
        }

        var digits = text.AsSpan(2);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        return !(hasLower && hasUpper) || string.Equals(text, address.ToChecksumString(), StringComparison.Ordinal);
    }

    /// <summary>Compares two address texts ignoring letter case; false when either is not an address.</summary>
    public static bool SameAddress(string? left, string? right) =>
        TryParse(left, out var a) && TryParse(right, out var b) && a == b;

    /// <summary>The 20 raw bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(LowerHex);

    /// <summary><c>0x</c> + 40 lowercase hex digits, the spelling ccxt sends.</summary>
    public string ToLowerHex() => "0x" + LowerHex;

    /// <summary>The EIP-55 mixed-case checksummed spelling, e.g. <c>0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266</c>.</summary>
    public string ToChecksumString()
    {
        // EIP-55: a letter is uppercased when the matching nibble of keccak256(lowercase hex text) is 8 or more.
        var lower = LowerHex;
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var result = new StringBuilder("0x", HexLength + 2);
        for (var i = 0; i < lower.Length; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0F;
            result.Append(nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }

        return result.ToString();
    }

    /// <summary>The EIP-55 checksummed spelling.</summary>
    public override string ToString() => ToChecksumString();

    /// <inheritdoc />
    public bool Equals(EthAddress other) => string.Equals(LowerHex, other.LowerHex, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EthAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(LowerHex);

    /// <summary>Whether two addresses are the same account.</summary>
    public static bool operator ==(EthAddress left, EthAddress right) => left.Equals(right);

    /// <summary>Whether two addresses are different accounts.</summary>
    public static bool operator !=(EthAddress left, EthAddress right) => !left.Equals(right);

    private static string? Describe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The address is empty.";
        }

        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return $"An address starts with 0x; this text of {text.Length} characters does not.";
        }

        var digits = text.AsSpan(2);
        if (digits.Length != HexLength)
        {
            return $"An address has {HexLength} hex digits after 0x; this one has {digits.Length}.";
        }

        return HexText.IsHex(digits) ? null : "An address has only hex digits after 0x; this one has other characters.";
    }
}
