using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace Rari.Aster.Models;

/// <summary>
/// The venue's spelling of enum members: <c>PartiallyFilled</c> is <c>PARTIALLY_FILLED</c>, <c>Gtc</c> is
/// <c>GTC</c>, plus any <see cref="WireNameAttribute"/> aliases. Parsing ignores case.
/// </summary>
public static class WireNames
{
    /// <summary>The canonical wire text of a member, e.g. <c>STOP_MARKET</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member.</exception>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a {typeof(TEnum).Name}.");

    /// <summary>The member for a wire text, ignoring case; false for text the client does not know.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        if (text is not null && Table<TEnum>.ByName.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>PascalCase to SCREAMING_SNAKE: an underscore before every capital but the first.</summary>
    public static string ToScreamingSnake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>Immutable lookup tables, built once per enum type.</summary>
    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName = BuildByName();

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Fields().ToFrozenDictionary(f => (TEnum)f.GetValue(null)!, f => ToScreamingSnake(f.Name));

        private static FieldInfo[] Fields() => typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);

        private static FrozenDictionary<string, TEnum> BuildByName()
        {
            var names = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in Fields())
            {
                var value = (TEnum)field.GetValue(null)!;
                names[ToScreamingSnake(field.Name)] = value;
                foreach (var alias in field.GetCustomAttributes<WireNameAttribute>())
                {
                    names[alias.Name] = value;
                }
            }

            return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }
}
