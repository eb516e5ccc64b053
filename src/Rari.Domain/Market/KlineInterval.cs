using System.Diagnostics.CodeAnalysis;

namespace Rari.Domain.Market;

/// <summary>The calendar unit a <see cref="KlineInterval"/> counts in.</summary>
public enum KlineIntervalUnit : byte
{
    /// <summary>Minutes (<c>m</c>).</summary>
    Minute = 1,

    /// <summary>Hours (<c>h</c>).</summary>
    Hour = 2,

    /// <summary>Days (<c>d</c>).</summary>
    Day = 3,

    /// <summary>Weeks starting Monday 00:00 UTC (<c>w</c>).</summary>
    Week = 4,

    /// <summary>Calendar months starting on the 1st, 00:00 UTC (<c>M</c>).</summary>
    Month = 5,
}

/// <summary>
/// A kline interval Aster accepts (<c>1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M</c>), with the arithmetic that
/// places a timestamp in its bar.
/// </summary>
/// <remarks>
/// Bars are aligned in UTC: minute, hour and day bars on multiples of their length since the Unix epoch (for
/// <c>3d</c> neither Aster nor Binance documents the anchor; the epoch is the common convention), <c>1w</c> bars on
/// Mondays 00:00 UTC (Binance's convention, which Aster mirrors), and <c>1M</c> bars on the first of each calendar
/// month, so a month bar lasts 28 to 31 days and has no fixed <see cref="DurationMs"/>.
/// The text form is case-sensitive: <c>1m</c> is a minute, <c>1M</c> a month. <c>default(KlineInterval)</c> is not
/// a valid interval; use the static members or <see cref="Parse"/>.
/// </remarks>
public readonly record struct KlineInterval
{
    private const long MinuteMs = 60_000L;
    private const long HourMs = 60 * MinuteMs;
    private const long DayMs = 24 * HourMs;
    private const long WeekMs = 7 * DayMs;

    // The Unix epoch (1970-01-01) was a Thursday; the first Monday 00:00 UTC is four days later.
    private const long FirstMondayMs = 4 * DayMs;

    private const byte WeekCode = 14;
    private const byte MonthCode = 15;

    // One row per interval, shortest first; a KlineInterval holds its 1-based row number.
    private static readonly (string Text, KlineIntervalUnit Unit, int Count, long DurationMs)[] Table =
    [
        ("1m", KlineIntervalUnit.Minute, 1, MinuteMs),
        ("3m", KlineIntervalUnit.Minute, 3, 3 * MinuteMs),
        ("5m", KlineIntervalUnit.Minute, 5, 5 * MinuteMs),
        ("15m", KlineIntervalUnit.Minute, 15, 15 * MinuteMs),
        ("30m", KlineIntervalUnit.Minute, 30, 30 * MinuteMs),
        ("1h", KlineIntervalUnit.Hour, 1, HourMs),
        ("2h", KlineIntervalUnit.Hour, 2, 2 * HourMs),
        ("4h", KlineIntervalUnit.Hour, 4, 4 * HourMs),
        ("6h", KlineIntervalUnit.Hour, 6, 6 * HourMs),
        ("8h", KlineIntervalUnit.Hour, 8, 8 * HourMs),
        ("12h", KlineIntervalUnit.Hour, 12, 12 * HourMs),
        ("1d", KlineIntervalUnit.Day, 1, DayMs),
        ("3d", KlineIntervalUnit.Day, 3, 3 * DayMs),
        ("1w", KlineIntervalUnit.Week, 1, WeekMs),
        ("1M", KlineIntervalUnit.Month, 1, 0),
    ];

    // 1-based row in the table above; 0 marks default(KlineInterval).
    private readonly byte _code;

    private KlineInterval(byte code) => _code = code;

    /// <summary>One minute (<c>1m</c>), the resolution of the recorded data.</summary>
    public static KlineInterval OneMinute => new(1);

    /// <summary>Three minutes (<c>3m</c>).</summary>
    public static KlineInterval ThreeMinutes => new(2);

    /// <summary>Five minutes (<c>5m</c>).</summary>
    public static KlineInterval FiveMinutes => new(3);

    /// <summary>Fifteen minutes (<c>15m</c>).</summary>
    public static KlineInterval FifteenMinutes => new(4);

    /// <summary>Thirty minutes (<c>30m</c>).</summary>
    public static KlineInterval ThirtyMinutes => new(5);

    /// <summary>One hour (<c>1h</c>).</summary>
    public static KlineInterval OneHour => new(6);

    /// <summary>Two hours (<c>2h</c>).</summary>
    public static KlineInterval TwoHours => new(7);

    /// <summary>Four hours (<c>4h</c>).</summary>
    public static KlineInterval FourHours => new(8);

    /// <summary>Six hours (<c>6h</c>).</summary>
    public static KlineInterval SixHours => new(9);

    /// <summary>Eight hours (<c>8h</c>).</summary>
    public static KlineInterval EightHours => new(10);

    /// <summary>Twelve hours (<c>12h</c>).</summary>
    public static KlineInterval TwelveHours => new(11);

    /// <summary>One UTC day (<c>1d</c>).</summary>
    public static KlineInterval OneDay => new(12);

    /// <summary>Three days (<c>3d</c>), aligned on multiples of three days since the epoch.</summary>
    public static KlineInterval ThreeDays => new(13);

    /// <summary>One week (<c>1w</c>), Monday 00:00 UTC to the next Monday.</summary>
    public static KlineInterval OneWeek => new(14);

    /// <summary>One calendar month (<c>1M</c>), the 1st 00:00 UTC to the next 1st.</summary>
    public static KlineInterval OneMonth => new(15);

    /// <summary>Every interval Aster offers, shortest first.</summary>
    public static IReadOnlyList<KlineInterval> All { get; } =
        Enumerable.Range(1, Table.Length).Select(code => new KlineInterval((byte)code)).ToArray();

    /// <summary>The unit the interval counts in.</summary>
    public KlineIntervalUnit Unit => Table[Code - 1].Unit;

    /// <summary>How many <see cref="Unit"/>s one bar spans, e.g. 15 for <c>15m</c>.</summary>
    public int Count => Table[Code - 1].Count;

    /// <summary>True for every interval except <c>1M</c>, whose bars vary in length with the calendar.</summary>
    public bool IsFixedLength => Code != MonthCode;

    /// <summary>The length of one bar in milliseconds.</summary>
    /// <exception cref="InvalidOperationException">The interval is <c>1M</c>; use <see cref="LengthOfBarAt"/> or <see cref="NextOpenTime"/>.</exception>
    public long DurationMs => IsFixedLength
        ? Table[Code - 1].DurationMs
        : throw new InvalidOperationException(
            "A 1M bar has no fixed length (a calendar month lasts 28 to 31 days); use LengthOfBarAt or NextOpenTime.");

    private int Code => _code != 0
        ? _code
        : throw new InvalidOperationException("default(KlineInterval) is not an interval; use KlineInterval.Parse or a static member such as KlineInterval.OneMinute.");

    /// <summary>Parses Aster's text form, e.g. <c>15m</c>, <c>4h</c>, <c>1M</c> (case-sensitive).</summary>
    /// <exception cref="FormatException">The text is not one of Aster's intervals.</exception>
    public static KlineInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var interval)
            ? interval
            : throw new FormatException(
                $"'{text}' is not a kline interval; expected one of {string.Join(' ', Table.Select(row => row.Text))} (case-sensitive: 1m is a minute, 1M a month).");
    }

    /// <summary>Parses Aster's text form, returning false instead of throwing for unknown text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out KlineInterval interval)
    {
        for (var i = 0; i < Table.Length; i++)
        {
            if (text.SequenceEqual(Table[i].Text))
            {
                interval = new KlineInterval((byte)(i + 1));
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>Parses Aster's text form, returning false for null or unknown text.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out KlineInterval interval)
    {
        if (text is null)
        {
            interval = default;
            return false;
        }

        return TryParse(text.AsSpan(), out interval);
    }

    /// <summary>The open time of the bar that contains <paramref name="timestampMs"/> (UTC epoch ms).</summary>
    public long OpenTimeOf(long timestampMs)
    {
        var code = Code;
        if (code == MonthCode)
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime;
            return new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        }

        var duration = Table[code - 1].DurationMs;
        var origin = code == WeekCode ? FirstMondayMs : 0L;
        return origin + (FloorDivide(timestampMs - origin, duration) * duration);
    }

    /// <summary>The open time of the bar after the one that contains <paramref name="timestampMs"/>.</summary>
    public long NextOpenTime(long timestampMs)
    {
        var open = OpenTimeOf(timestampMs);
        if (Code == MonthCode)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(open).AddMonths(1).ToUnixTimeMilliseconds();
        }

        return open + Table[Code - 1].DurationMs;
    }

    /// <summary>The length in milliseconds of the bar that contains <paramref name="timestampMs"/>; varies only for <c>1M</c>.</summary>
    public long LengthOfBarAt(long timestampMs) => NextOpenTime(timestampMs) - OpenTimeOf(timestampMs);

    /// <summary>True when <paramref name="timestampMs"/> is exactly the open time of a bar of this interval.</summary>
    public bool IsOpenTime(long timestampMs) => OpenTimeOf(timestampMs) == timestampMs;

    /// <summary>Aster's text form, e.g. <c>15m</c>.</summary>
    public override string ToString() => _code == 0 ? string.Empty : Table[_code - 1].Text;

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
