using System.Globalization;

namespace Rari.Backtest.Sweeps;

/// <summary>One walk-forward window: optimise on <c>[TrainFromMs, TrainToMs)</c>, then trade the choice on <c>[TestFromMs, TestToMs)</c>.</summary>
/// <param name="Index">The window's number, from 1.</param>
/// <param name="TrainFromMs">Start of the training period.</param>
/// <param name="TrainToMs">End of the training period (exclusive) and start of the test period.</param>
/// <param name="TestFromMs">Start of the test period (equal to <paramref name="TrainToMs"/>).</param>
/// <param name="TestToMs">End of the test period (exclusive).</param>
public sealed record WalkForwardWindow(int Index, long TrainFromMs, long TrainToMs, long TestFromMs, long TestToMs);

/// <summary>
/// A walk-forward schedule, <c>train=30d,test=7d</c>: training windows of <see cref="TrainMs"/> each followed by a test
/// window of <see cref="TestMs"/>, the whole moving forward by <see cref="TestMs"/>, so that the test windows tile the
/// data after the first training period without overlapping.
/// </summary>
/// <param name="TrainMs">Length of each training period.</param>
/// <param name="TestMs">Length of each test period, and the step between windows.</param>
public sealed record WalkForwardPlan(long TrainMs, long TestMs)
{
    /// <summary>Reads <c>train=LENGTH,test=LENGTH</c>, lengths in days, hours or weeks (<c>30d</c>, <c>12h</c>, <c>2w</c>).</summary>
    /// <exception cref="FormatException">The text is not of that shape or a length is not positive.</exception>
    public static WalkForwardPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        long? train = null, test = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? part[..equals].Trim() : part;
            var length = equals > 0 ? Length(part[(equals + 1)..].Trim()) : null;
            switch (name)
            {
                case "train" when length is not null && train is null:
                    train = length;
                    break;
                case "test" when length is not null && test is null:
                    test = length;
                    break;
                default:
                    throw Error(text);
            }
        }

        return train is { } t && test is { } s ? new WalkForwardPlan(t, s) : throw Error(text);
    }

    /// <summary>The windows over data from <paramref name="startMs"/> to <paramref name="endMs"/> (exclusive); the last test window may be shorter.</summary>
    public IReadOnlyList<WalkForwardWindow> Windows(long startMs, long endMs)
    {
        var windows = new List<WalkForwardWindow>();
        for (var trainFrom = startMs; trainFrom + TrainMs < endMs; trainFrom += TestMs)
        {
            var testFrom = trainFrom + TrainMs;
            windows.Add(new WalkForwardWindow(windows.Count + 1, trainFrom, testFrom, testFrom, Math.Min(testFrom + TestMs, endMs)));
        }

        return windows;
    }

    /// <summary>The plan as typed, e.g. <c>train=30d,test=7d</c>.</summary>
    public override string ToString() => $"train={Format(TrainMs)},test={Format(TestMs)}";

    private static long? Length(string text)
    {
        if (text.Length < 2 || !long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return null;
        }

        return char.ToLowerInvariant(text[^1]) switch
        {
            'h' => count * 3_600_000L,
            'd' => count * 86_400_000L,
            'w' => count * 7 * 86_400_000L,
            _ => null,
        };
    }

    private static string Format(long ms) => ms % 86_400_000L == 0
        ? (ms / 86_400_000L).ToString(CultureInfo.InvariantCulture) + "d"
        : (ms / 3_600_000L).ToString(CultureInfo.InvariantCulture) + "h";

    private static FormatException Error(string text) =>
        new($"--walk-forward '{text}' is not train=LENGTH,test=LENGTH with positive lengths in h, d or w, e.g. --walk-forward train=30d,test=7d.");
}
