namespace Rari.Aster.Models;

/// <summary>
/// An enum value as the venue sent it: the parsed member when the client knows the text, and always the raw text,
/// so a value Aster adds later is kept instead of crashing the parser.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
/// <param name="Value">The member, or <c>default</c> when <see cref="IsKnown"/> is false.</param>
/// <param name="Raw">The text exactly as received, e.g. <c>NEW_ADL</c>.</param>
/// <param name="IsKnown">Whether <see cref="Raw"/> matched a member.</param>
public readonly record struct WireValue<TEnum>(TEnum Value, string Raw, bool IsKnown)
    where TEnum : struct, Enum
{
    /// <summary>Whether this is the known member <paramref name="value"/>.</summary>
    public bool Is(TEnum value) => IsKnown && EqualityComparer<TEnum>.Default.Equals(Value, value);

    /// <summary>The raw text.</summary>
    public override string ToString() => Raw ?? string.Empty;
}

/// <summary>Creates <see cref="WireValue{TEnum}"/> values.</summary>
public static class WireValue
{
    /// <summary>Parses received text; unknown text is kept with <see cref="WireValue{TEnum}.IsKnown"/> false.</summary>
    public static WireValue<TEnum> Parse<TEnum>(string? raw)
        where TEnum : struct, Enum =>
        WireNames.TryParse<TEnum>(raw, out var value) ? new(value, raw!, true) : new(default, raw ?? string.Empty, false);

    /// <summary>A known member with its canonical text.</summary>
    public static WireValue<TEnum> Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        new(value, WireNames.Of(value), true);
}
