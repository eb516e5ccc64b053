using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rari.Actors.Settings;

/// <summary>The text conventions of the HOCON files: kebab-case enum names, durations, and reading validation messages.</summary>
public static partial class ConfigText
{
    /// <summary>The kebab-case spelling of a PascalCase name: <c>FixedSpacing</c> → <c>fixed-spacing</c>, <c>ZScore</c> → <c>z-score</c>.</summary>
    public static string Kebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    text.Append('-');
                }
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>The kebab-case names of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> EnumNames<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        var kebab = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            kebab[i] = Kebab(names[i]);
        }

        return kebab;
    }

    /// <summary>Reads an enum value from its kebab-case (or PascalCase) name, ignoring case; numbers are refused.</summary>
    public static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            var name = candidate.ToString();
            if (string.Equals(text, Kebab(name), StringComparison.OrdinalIgnoreCase) || string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The kebab-case name of an enum value, as the files write it.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Kebab(value.ToString());

    /// <summary>
    /// Reads a duration: a non-negative number followed by a unit — <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>
    /// (or their long names: millis, seconds, minutes, hours, days) — or <c>0</c> alone.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        decimal? milliseconds = unit switch
        {
            "" => number == 0m ? 0m : null,
            "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => number,
            "s" or "second" or "seconds" => number * 1_000m,
            "m" or "min" or "minute" or "minutes" => number * 60_000m,
            "h" or "hour" or "hours" => number * 3_600_000m,
            "d" or "day" or "days" => number * 86_400_000m,
            _ => null,
        };
        if (milliseconds is not { } ms || ms != decimal.Truncate(ms) || ms > (decimal)TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds((long)ms);
        return true;
    }

    /// <summary>A duration in the files' shortest exact form: <c>8h</c>, <c>30s</c>, <c>1500ms</c>, <c>0</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        return ms switch
        {
            0 => "0",
            _ when ms % 86_400_000 == 0 => Invariant(ms / 86_400_000, "d"),
            _ when ms % 3_600_000 == 0 => Invariant(ms / 3_600_000, "h"),
            _ when ms % 60_000 == 0 => Invariant(ms / 60_000, "m"),
            _ when ms % 1_000 == 0 => Invariant(ms / 1_000, "s"),
            _ => Invariant(ms, "ms"),
        };
    }

    /// <summary>
    /// Splits a settings record's validation message <c>field = value: why</c> into its parts. A message without that
    /// shape is kept whole as the reason, blamed on its first word.
    /// </summary>
    public static (string Field, string? Value, string Reason) SplitMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = MessagePattern().Match(message);
        if (match.Success)
        {
            return (match.Groups["field"].Value, match.Groups["value"].Value, match.Groups["why"].Value.TrimEnd('.'));
        }

        var space = message.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? (message[..space], null, message[(space + 1)..].TrimEnd('.')) : (message, null, "is invalid");
    }

    /// <summary>The candidate closest to <paramref name="key"/> by edit distance, when it is close enough to be a typo.</summary>
    public static string? Nearest(string key, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Invariant(long number, string unit) => number.ToString(CultureInfo.InvariantCulture) + unit;

    [GeneratedRegex(@"^(?<number>\d+(\.\d+)?)\s*(?<unit>[a-zA-Z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<field>[A-Za-z][\w.-]*) = (?<value>.*?): (?<why>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MessagePattern();
}
