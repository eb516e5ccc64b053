using System.Globalization;
using System.Text;

namespace Rari.Aster.Signing;

/// <summary>The EIP-712 atomic types that Aster's typed structs use.</summary>
public enum Eip712FieldType
{
    /// <summary><c>string</c>: encoded as keccak256 of its UTF-8 bytes.</summary>
    String = 0,

    /// <summary><c>uint256</c>: a 32-byte big-endian word.</summary>
    Uint256 = 1,

    /// <summary><c>bool</c>: the word 0 or 1.</summary>
    Bool = 2,

    /// <summary><c>address</c>: 20 bytes, left-padded to 32.</summary>
    Address = 3,
}

/// <summary>One member of a typed struct: its name as it appears in the type string, its type and its value as text.</summary>
/// <remarks>
/// Values are text because the signature covers the exact text for <c>string</c> members: an address sent as a
/// <c>string</c> member must keep the case it was sent with.
/// </remarks>
public sealed record Eip712Field
{
    /// <summary>Makes a field, checking that the value is canonical text for its type.</summary>
    /// <exception cref="ArgumentException">The name is not an identifier or the value does not fit the type.</exception>
    public Eip712Field(string name, Eip712FieldType type, string value)
    {
        if (!Eip712Struct.IsIdentifier(name))
        {
            throw new ArgumentException($"EIP-712 member name '{name}' is not an identifier.", nameof(name));
        }

        if (Eip712Encoding.Problem(type, value) is { } problem)
        {
            throw new ArgumentException($"Member '{name}': {problem}.", nameof(value));
        }

        Name = name;
        Type = type;
        Value = value;
    }

    /// <summary>Member name as written in the type string (Aster capitalises it: <c>Builder</c>, <c>Nonce</c>).</summary>
    public string Name { get; }

    /// <summary>Member type.</summary>
    public Eip712FieldType Type { get; }

    /// <summary>Member value as text: any text, decimal digits, <c>true</c>/<c>false</c>, or an address.</summary>
    public string Value { get; }

    /// <summary>A <c>string</c> member.</summary>
    public static Eip712Field String(string name, string value) => new(name, Eip712FieldType.String, value);

    /// <summary>A <c>uint256</c> member.</summary>
    public static Eip712Field Uint256(string name, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new(name, Eip712FieldType.Uint256, value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A <c>bool</c> member.</summary>
    public static Eip712Field Bool(string name, bool value) => new(name, Eip712FieldType.Bool, value ? "true" : "false");

    /// <summary>An <c>address</c> member.</summary>
    public static Eip712Field Address(string name, EthAddress value) => new(name, Eip712FieldType.Address, value.ToLowerHex());
}

/// <summary>
/// A flat EIP-712 struct (no nested types), as the main-wallet actions of fact sheet §2.5 use
/// (<c>ApproveBuilder(string Builder,…,uint256 Nonce)</c>). The member order is part of the type, so it is kept
/// exactly as given.
/// </summary>
public sealed class Eip712Struct
{
    /// <summary>Makes a struct of <paramref name="primaryType"/> with the members in the given order.</summary>
    /// <exception cref="ArgumentException">The type name is not an identifier, there are no members, or a name repeats.</exception>
    public Eip712Struct(string primaryType, IEnumerable<Eip712Field> fields)
    {
        if (!IsIdentifier(primaryType))
        {
            throw new ArgumentException($"EIP-712 type name '{primaryType}' is not an identifier.", nameof(primaryType));
        }

        var list = fields.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"EIP-712 type {primaryType} needs at least one member.", nameof(fields));
        }

        if (list.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"EIP-712 type {primaryType} has member '{duplicate.Key}' twice.", nameof(fields));
        }

        PrimaryType = primaryType;
        Fields = list;
    }

    /// <summary>The struct's type name, e.g. <c>ApproveBuilder</c>.</summary>
    public string PrimaryType { get; }

    /// <summary>The members in type-string order.</summary>
    public IReadOnlyList<Eip712Field> Fields { get; }

    /// <summary>The type string, e.g. <c>Message(string msg)</c>.</summary>
    public string EncodeType() =>
        $"{PrimaryType}({string.Join(',', Fields.Select(f => $"{Eip712Encoding.TypeName(f.Type)} {f.Name}"))})";

    /// <summary>keccak256 of <see cref="EncodeType"/>.</summary>
    public byte[] TypeHash() => Keccak256.Hash(Encoding.UTF8.GetBytes(EncodeType()));

    /// <summary>keccak256(typeHash ‖ encodeData(member₁) ‖ … ‖ encodeData(memberₙ)).</summary>
    public byte[] StructHash()
    {
        var parts = new byte[Fields.Count + 1][];
        parts[0] = TypeHash();
        for (var i = 0; i < Fields.Count; i++)
        {
            parts[i + 1] = Eip712Encoding.Encode(Fields[i].Type, Fields[i].Value);
        }

        return Keccak256.HashConcatenated(parts);
    }

    /// <summary>The type string followed by the member values, for diagnostics.</summary>
    public override string ToString() =>
        $"{EncodeType()} {{ {string.Join(", ", Fields.Select(f => $"{f.Name} = {f.Value}"))} }}";

    internal static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name)
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
