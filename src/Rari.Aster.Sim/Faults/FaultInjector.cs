using System.Diagnostics.CodeAnalysis;

namespace Rari.Aster.Sim.Faults;

/// <summary>What the fault injector decided for one REST request.</summary>
internal enum RestFaultKind
{
    /// <summary>Process normally.</summary>
    None = 0,

    /// <summary>Answer 500 without processing.</summary>
    ServerError = 1,

    /// <summary>Answer 503 without processing.</summary>
    Unavailable = 2,

    /// <summary>Hang, then abort the connection, without processing.</summary>
    Hang = 3,

    /// <summary>Answer 429 without processing.</summary>
    TooManyRequests = 4,

    /// <summary>Process, then answer 503 "execution status unknown".</summary>
    UnknownStatus = 5,
}

/// <summary>The fault plan for one REST request: extra latency and at most one fault.</summary>
internal readonly record struct RestFault(int DelayMs, RestFaultKind Kind);

/// <summary>
/// Draws faults from a seeded random sequence: one sequence for REST requests and an independent one for stream
/// messages, both restarted whenever the settings change. Given the same seed and the same sequence of requests and
/// messages, the same faults come out.
/// </summary>
/// <remarks>Thread-safe; concurrent requests take their draws in arrival order.</remarks>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Fault injection must be reproducible from a seed; nothing here is a secret.")]
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _settings;
    private Random _rest;
    private Random _streams;

    public FaultInjector(FaultSettings settings)
    {
        _settings = settings;
        _rest = new Random(settings.Seed);
        _streams = new Random(unchecked(settings.Seed * 31 + 7));
    }

    /// <summary>The settings in force.</summary>
    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    /// <summary>Replaces the settings and restarts both random sequences from the new seed.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public void Apply(FaultSettings settings)
    {
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        lock (_gate)
        {
            _settings = settings;
            _rest = new Random(settings.Seed);
            _streams = new Random(unchecked(settings.Seed * 31 + 7));
        }
    }

    /// <summary>Plans the faults of one REST request to <paramref name="path"/>.</summary>
    public RestFault PlanRequest(string path)
    {
        lock (_gate)
        {
            var s = _settings;
            if (s.PathContains is { Length: > 0 } filter && !path.Contains(filter, StringComparison.Ordinal))
            {
                return default;
            }

            // Always two draws per matching request, so the sequence does not depend on which faults are enabled.
            var jitter = _rest.Next(0, s.JitterMs + 1);
            var roll = _rest.NextDouble();
            var kind = Pick(roll, (s.ServerErrorRate, RestFaultKind.ServerError), (s.UnavailableRate, RestFaultKind.Unavailable),
                (s.HangRate, RestFaultKind.Hang), (s.TooManyRequestsRate, RestFaultKind.TooManyRequests), (s.UnknownStatusRate, RestFaultKind.UnknownStatus));
            return new RestFault(s.LatencyMs + jitter, kind);
        }
    }

    /// <summary>Decides the fate of one outgoing stream message: deliver, drop the connection, or stall it.</summary>
    public StreamFault PlanMessage()
    {
        lock (_gate)
        {
            var s = _settings;
            if (s.StreamDropRate <= 0 && s.StreamStallRate <= 0)
            {
                return StreamFault.None;
            }

            var roll = _streams.NextDouble();
            return roll < s.StreamDropRate ? StreamFault.Drop
                : roll < s.StreamDropRate + s.StreamStallRate ? StreamFault.Stall
                : StreamFault.None;
        }
    }

    private static RestFaultKind Pick(double roll, params ReadOnlySpan<(double Rate, RestFaultKind Kind)> choices)
    {
        var edge = 0.0;
        foreach (var (rate, kind) in choices)
        {
            edge += rate;
            if (roll < edge)
            {
                return kind;
            }
        }

        return RestFaultKind.None;
    }
}

/// <summary>What happens to one outgoing stream message.</summary>
internal enum StreamFault
{
    /// <summary>Send it.</summary>
    None = 0,

    /// <summary>Abort the connection instead.</summary>
    Drop = 1,

    /// <summary>Stall the connection: send nothing more, keep the socket open.</summary>
    Stall = 2,
}
