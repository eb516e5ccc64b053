using System.Diagnostics.CodeAnalysis;

namespace Rari.Aster.Streams;

/// <summary>
/// How long to wait before reconnection attempt <c>n</c> (0-based): <c>min(max, initial × 2ⁿ)</c>, of which a random
/// fraction up to <see cref="Jitter"/> is taken off, so that many clients dropped at once do not return in step.
/// </summary>
/// <remarks>
/// The randomness is seeded, so a given seed always yields the same delays (tests and replays are reproducible).
/// Not thread-safe: each stream owns one.
/// </remarks>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter only spreads reconnections; it must be reproducible from a seed and guards nothing.")]
public sealed class ReconnectBackoff
{
    private readonly Random _random;

    /// <summary>Creates a backoff.</summary>
    /// <param name="initialDelay">The delay of attempt 0 before jitter; positive.</param>
    /// <param name="maxDelay">The longest delay; at least <paramref name="initialDelay"/>.</param>
    /// <param name="jitter">The largest fraction taken off a delay, 0 (none) to 1.</param>
    /// <param name="seed">Seeds the jitter.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ReconnectBackoff(TimeSpan initialDelay, TimeSpan maxDelay, double jitter, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, initialDelay);
        if (double.IsNaN(jitter) || jitter is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter is a fraction from 0 to 1.");
        }

        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
        Jitter = jitter;
        _random = new Random(seed);
    }

    /// <summary>The delay of attempt 0 before jitter.</summary>
    public TimeSpan InitialDelay { get; }

    /// <summary>The longest delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The largest fraction taken off a delay.</summary>
    public double Jitter { get; }

    /// <summary>The delay before attempt <paramref name="attempt"/> (0-based), jittered; whole milliseconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is negative.</exception>
    public TimeSpan Next(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var ceiling = Ceiling(attempt);
        var cut = ceiling.TotalMilliseconds * Jitter * _random.NextDouble();
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(ceiling.TotalMilliseconds - cut)));
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> without jitter: <c>min(max, initial × 2ⁿ)</c>.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var doubled = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 40));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, MaxDelay.TotalMilliseconds));
    }
}
