using System.Globalization;

namespace Rari.Aster.Sim.Faults;

/// <summary>
/// The faults the simulator injects, switchable at start (<see cref="Hosting.SimOptions.Faults"/>) and at run time
/// (<c>POST /_sim/faults</c>). All rates are probabilities per request (REST) or per message (streams), drawn from
/// a random sequence seeded with <see cref="Seed"/>, so a run with the same seed and the same requests injects the
/// same faults.
/// </summary>
/// <remarks>
/// The REST faults are exclusive: one roll per request picks at most one of server error, unavailable, hang,
/// 429 storm and unknown status, so their rates must add up to at most 1. Latency is added on top of any of them.
/// </remarks>
public sealed record FaultSettings
{
    /// <summary>Seed of the fault sequence; setting faults again restarts the sequence from this seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Fixed latency added to every matching request, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Extra random latency, uniform in [0, JitterMs], in milliseconds.</summary>
    public int JitterMs { get; init; }

    /// <summary>Share answered 500 (−1000) without processing.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share answered 503 (−1001) without processing.</summary>
    public double UnavailableRate { get; init; }

    /// <summary>
    /// Share processed normally but answered 503 (−1007, "execution status unknown"): an order sent this way exists,
    /// and the client must reconcile to find it.
    /// </summary>
    public double UnknownStatusRate { get; init; }

    /// <summary>Share that hangs for <see cref="HangMs"/> without processing and is then cut off without an answer.</summary>
    public double HangRate { get; init; }

    /// <summary>How long a hanging request hangs before the connection is aborted, in milliseconds.</summary>
    public int HangMs { get; init; } = 30_000;

    /// <summary>Share answered 429 (−1003) with <c>Retry-After</c> without processing: set it to 1 for a 429 storm.</summary>
    public double TooManyRequestsRate { get; init; }

    /// <summary>The <c>Retry-After</c> seconds sent with injected 429s.</summary>
    public int StormRetryAfterSeconds { get; init; } = 10;

    /// <summary>When set, REST faults apply only to paths containing this text (e.g. <c>/order</c>); null for every path.</summary>
    public string? PathContains { get; init; }

    /// <summary>Chance per WebSocket message that its connection is dropped (aborted) instead of sending it.</summary>
    public double StreamDropRate { get; init; }

    /// <summary>
    /// Chance per WebSocket message that its connection stalls: from then on it sends nothing while the socket stays
    /// open (until <c>POST /_sim/streams/resume</c>).
    /// </summary>
    public double StreamStallRate { get; init; }

    /// <summary>The problems with these settings, one sentence each; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Rate(double value, string name)
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and 1, not {value}."));
            }
        }

        Rate(ServerErrorRate, "serverErrorRate");
        Rate(UnavailableRate, "unavailableRate");
        Rate(UnknownStatusRate, "unknownStatusRate");
        Rate(HangRate, "hangRate");
        Rate(TooManyRequestsRate, "tooManyRequestsRate");
        Rate(StreamDropRate, "streamDropRate");
        Rate(StreamStallRate, "streamStallRate");
        if (ServerErrorRate + UnavailableRate + UnknownStatusRate + HangRate + TooManyRequestsRate > 1 + 1e-9)
        {
            problems.Add("The REST fault rates (server error, unavailable, unknown status, hang, too many requests) add up to more than 1.");
        }

        if (LatencyMs < 0 || JitterMs < 0 || HangMs < 0 || StormRetryAfterSeconds < 0)
        {
            problems.Add("latencyMs, jitterMs, hangMs and stormRetryAfterSeconds must not be negative.");
        }

        return problems;
    }
}
