using System.Text;
using Org.BouncyCastle.Math;

namespace Rari.Aster.Signing;

/// <summary>EIP-712 <c>encodeData</c> of the atomic types Aster uses: each becomes one 32-byte word.</summary>
internal static class Eip712Encoding
{
    private static readonly BigInteger Uint256Limit = BigInteger.One.ShiftLeft(256);

    /// <summary>A non-negative integer as a 32-byte big-endian word.</summary>
    public static byte[] Uint256(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var word = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(word.AsSpan(24), value);
        return word;
    }

    /// <summary>Encodes one field value given as text, per its type.</summary>
    public static byte[] Encode(Eip712FieldType type, string value) => type switch
    {
        Eip712FieldType.String => Keccak256.Hash(Encoding.UTF8.GetBytes(value)),
        Eip712FieldType.Uint256 => DecimalUint256(value),
        Eip712FieldType.Bool => Uint256(value == "true" ? 1 : 0),
        Eip712FieldType.Address => LeftPad(EthAddress.Parse(value).ToBytes()),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown EIP-712 field type."),
    };

    /// <summary>Whether the text is a canonical value of the type (checked when a field is made).</summary>
    public static string? Problem(Eip712FieldType type, string value) => type switch
    {
        Eip712FieldType.String => null,
        Eip712FieldType.Uint256 => IsCanonicalUint256(value) ? null : "a uint256 is written as decimal digits below 2^256",
        Eip712FieldType.Bool => value is "true" or "false" ? null : "a bool is written as true or false",
        Eip712FieldType.Address => EthAddress.TryParse(value, out _) ? null : "an address is 0x followed by 40 hex digits",
        _ => "the field type is unknown",
    };

    /// <summary>The Solidity spelling of a type in a type string.</summary>
    public static string TypeName(Eip712FieldType type) => type switch
    {
        Eip712FieldType.String => "string",
        Eip712FieldType.Uint256 => "uint256",
        Eip712FieldType.Bool => "bool",
        Eip712FieldType.Address => "address",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown EIP-712 field type."),
    };

    private static bool IsCanonicalUint256(string value) =>
        value.Length > 0 && value.Length <= 78 && value.All(char.IsAsciiDigit) && (value == "0" || value[0] != '0')
        && new BigInteger(value, 10).CompareTo(Uint256Limit) < 0;

    private static byte[] DecimalUint256(string value)
    {
        var word = new byte[32];
        Secp256k1.WriteInteger(new BigInteger(value, 10), word);
        return word;
    }

    private static byte[] LeftPad(byte[] bytes)
    {
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
