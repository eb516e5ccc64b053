using System.Globalization;

namespace Rari.Aster.RateLimits;

/// <summary>
/// How much of a limit the venue says is used in the current window, read from a response header such as
/// <c>X-MBX-USED-WEIGHT-1M: 37</c> or <c>X-MBX-ORDER-COUNT-1M: 3</c> (fact sheet §5.4).
/// </summary>
/// <param name="Type"><see cref="RateLimitType.RequestWeight"/> or <see cref="RateLimitType.Orders"/>.</param>
/// <param name="IntervalMs">The window the count belongs to, e.g. 60000 for <c>1M</c>.</param>
/// <param name="Used">The count the venue reports, this request included.</param>
public readonly record struct RateLimitUsage(RateLimitType Type, long IntervalMs, long Used)
{
    private const string WeightPrefix = "X-MBX-USED-WEIGHT-";
    private const string OrderPrefix = "X-MBX-ORDER-COUNT-";

    /// <summary>Reads one response header; false for any other header or a malformed one.</summary>
    public static bool TryParse(string name, string value, out RateLimitUsage usage)
    {
        usage = default;
        RateLimitType type;
        string suffix;
        if (name.StartsWith(WeightPrefix, StringComparison.OrdinalIgnoreCase))
        {
            (type, suffix) = (RateLimitType.RequestWeight, name[WeightPrefix.Length..]);
        }
        else if (name.StartsWith(OrderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            (type, suffix) = (RateLimitType.Orders, name[OrderPrefix.Length..]);
        }
        else
        {
            return false;
        }

        // The suffix is <intervalNum><intervalLetter>, e.g. 1M or 10S.
        if (suffix.Length < 2
            || RateLimitRule.LetterMs(suffix[^1]) is not { } unitMs
            || !int.TryParse(suffix.AsSpan(0, suffix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count <= 0
            || !long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var used))
        {
            return false;
        }

        usage = new RateLimitUsage(type, unitMs * count, used);
        return true;
    }

    /// <summary>Reads every rate-limit header of a response.</summary>
    public static IReadOnlyList<RateLimitUsage> ReadAll(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        List<RateLimitUsage>? found = null;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (TryParse(name, value, out var usage))
                {
                    (found ??= []).Add(usage);
                }
            }
        }

        return found ?? (IReadOnlyList<RateLimitUsage>)[];
    }
}
