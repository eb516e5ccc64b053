using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Aster.Clock;
using Rari.Aster.Errors;

namespace Rari.Aster.RateLimits;

/// <summary>
/// The request-rate budget shared by every caller in the process (create one and give it to every client): it
/// holds requests back before the venue would answer 429, backs everyone off after a 429, and refuses to send
/// anything during a 418 ban.
/// </summary>
/// <remarks>
/// <para>Windows are fixed and aligned to the server clock (a 1-minute window starts on the minute). A request
/// reserves its weight (and one order for new orders) before it is sent; when the answer arrives the venue's own
/// count from <c>X-MBX-USED-WEIGHT-*</c> / <c>X-MBX-ORDER-COUNT-*</c> replaces the local estimate (plus whatever
/// is still in flight), because the server's numbers are the truth.</para>
/// <para>A request that would push a window over its limit waits, asynchronously, for the next window. After a
/// 429 every caller waits until <c>Retry-After</c> (or a default) has passed. After a 418 every request fails at
/// once with <see cref="AsterRateLimitException"/> until the ban ends: continuing would lengthen it.</para>
/// <para>Thread-safe. Deterministic under a fake <see cref="TimeProvider"/>.</para>
/// </remarks>
public sealed class RateLimitBudget
{
    /// <summary>Extra wait after a window ends before a held request goes, covering the clock offset's error.</summary>
    public static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ServerClock? _clock;
    private readonly ILogger _logger;
    private RuleState[] _states;
    private long _blockedUntilMs;
    private long _bannedUntilMs;

    /// <summary>Creates a budget with the documented default limits until <see cref="Configure"/> loads the real ones.</summary>
    /// <param name="time">The local clock.</param>
    /// <param name="clock">The server clock that aligns windows to server time; local time when null.</param>
    /// <param name="logger">Where delays, back-offs and bans are reported.</param>
    public RateLimitBudget(TimeProvider time, ServerClock? clock = null, ILogger<RateLimitBudget>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _states = Create(RateLimitRule.Defaults);
    }

    /// <summary>The limits enforced now.</summary>
    public IReadOnlyList<RateLimitRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _states.Select(s => s.Rule)];
            }
        }
    }

    /// <summary>The estimated server time the budget reasons in, epoch ms.</summary>
    public long NowMs => _clock?.NowMs ?? _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Replaces the enforced limits with the venue's (exchangeInfo <c>rateLimits</c>); rules of unknown type are
    /// ignored. Counts of limits that stay are kept.
    /// </summary>
    public void Configure(IEnumerable<RateLimitRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var known = rules.Where(r => r.Type != RateLimitType.Unknown && r.IntervalMs > 0 && r.Limit > 0).ToArray();
        if (known.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            var next = Create(known);
            foreach (var state in next)
            {
                if (Array.Find(_states, s => s.Rule.Type == state.Rule.Type && s.Rule.IntervalMs == state.Rule.IntervalMs) is { } old)
                {
                    (state.WindowStartMs, state.Used, state.InFlight) = (old.WindowStartMs, old.Used, old.InFlight);
                }
            }

            _states = next;
        }
    }

    /// <summary>
    /// Waits until a request of <paramref name="weight"/> fits every limit, then reserves it. Hand the lease back
    /// with <see cref="Complete"/> when the answer arrives, whatever it is.
    /// </summary>
    /// <param name="weight">The endpoint's weight for these parameters.</param>
    /// <param name="isOrder">Whether the request places orders (counts against ORDERS).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="AsterRateLimitException">The IP is banned (418); nothing may be sent until <see cref="AsterRateLimitException.BlockedUntilMs"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The weight is not positive or exceeds a whole window.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(int weight, bool isOrder, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        while (true)
        {
            long waitMs;
            string reason;
            lock (_gate)
            {
                var now = NowMs;
                if (now < _bannedUntilMs)
                {
                    throw new AsterRateLimitException(
                        AsterErrorCategory.IpBanned, "-", "-", null, null,
                        Text($"The IP is banned until {_bannedUntilMs}; no request is sent before then."), _bannedUntilMs);
                }

                if (now < _blockedUntilMs)
                {
                    (waitMs, reason) = (_blockedUntilMs - now, "backing off after a 429");
                }
                else if (TryReserve(now, weight, isOrder, out var lease, out waitMs, out reason))
                {
                    return lease;
                }
            }

            RateLimitLog.Delaying(_logger, weight, waitMs, reason);
            await Task.Delay(TimeSpan.FromMilliseconds(waitMs), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hands a lease back when the request's answer arrived (or it failed), with the usage the venue reported; the
    /// venue's count replaces the local one for the window the request was sent in.
    /// </summary>
    public void Complete(RateLimitLease lease, IReadOnlyList<RateLimitUsage> reported)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reported);
        lock (_gate)
        {
            if (lease.IsCompleted)
            {
                return;
            }

            lease.IsCompleted = true;
            for (var i = 0; i < lease.States.Length; i++)
            {
                lease.States[i].InFlight -= lease.Costs[i];
            }

            var now = NowMs;
            foreach (var usage in reported)
            {
                var index = Array.FindIndex(lease.States, s => s.Rule.Type == usage.Type && s.Rule.IntervalMs == usage.IntervalMs);
                if (index < 0 || !ReferenceEquals(_states, lease.States))
                {
                    continue;
                }

                var state = lease.States[index];
                state.Roll(now);

                // A count from an earlier window says nothing about this one.
                if (state.WindowStartMs == lease.WindowStarts[index])
                {
                    state.Used = usage.Used + state.InFlight;
                }
            }
        }
    }

    /// <summary>
    /// Records an HTTP 429: every caller waits <paramref name="retryAfter"/> (or <paramref name="fallback"/> when the
    /// venue sent none). Returns when sending may resume, server time in epoch ms.
    /// </summary>
    public long RecordRateLimited(TimeSpan? retryAfter, TimeSpan fallback)
    {
        var backoff = retryAfter is { } r && r > TimeSpan.Zero ? r : fallback;
        long until;
        lock (_gate)
        {
            until = Math.Max(_blockedUntilMs, NowMs + (long)backoff.TotalMilliseconds);
            _blockedUntilMs = until;
        }

        RateLimitLog.BackingOff(_logger, (long)backoff.TotalMilliseconds, until);
        return until;
    }

    /// <summary>
    /// Records an HTTP 418 ban: no request is sent until it ends. The end is <paramref name="bannedUntilMs"/> when the
    /// venue named it, else now + <paramref name="retryAfter"/>, else now + <paramref name="fallback"/>. Returns the end.
    /// </summary>
    public long RecordBan(long? bannedUntilMs, TimeSpan? retryAfter, TimeSpan fallback)
    {
        long until, banMs;
        lock (_gate)
        {
            var now = NowMs;
            var end = bannedUntilMs ?? now + (long)(retryAfter is { } r && r > TimeSpan.Zero ? r : fallback).TotalMilliseconds;
            until = Math.Max(_bannedUntilMs, end);
            _bannedUntilMs = until;
            banMs = until - now;
        }

        RateLimitLog.Banned(_logger, until, banMs);
        return until;
    }

    /// <summary>The current windows, back-off and ban.</summary>
    public RateLimitSnapshot Snapshot()
    {
        lock (_gate)
        {
            var now = NowMs;
            var windows = _states.Select(s =>
            {
                s.Roll(now);
                return new RateLimitWindow(s.Rule, s.WindowStartMs, s.Used, s.InFlight);
            }).ToArray();
            return new RateLimitSnapshot(
                windows,
                _blockedUntilMs > now ? _blockedUntilMs : null,
                _bannedUntilMs > now ? _bannedUntilMs : null);
        }
    }

    private static RuleState[] Create(IEnumerable<RateLimitRule> rules) => [.. rules.Select(r => new RuleState(r))];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private bool TryReserve(long now, int weight, bool isOrder, out RateLimitLease lease, out long waitMs, out string reason)
    {
        var states = _states;
        var costs = new long[states.Length];
        waitMs = 0;
        reason = string.Empty;
        for (var i = 0; i < states.Length; i++)
        {
            var state = states[i];
            state.Roll(now);
            costs[i] = state.Rule.Type switch
            {
                RateLimitType.RequestWeight => weight,
                RateLimitType.RawRequests => 1,
                RateLimitType.Orders => isOrder ? 1 : 0,
                _ => 0,
            };

            if (costs[i] > state.Rule.Limit)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weight), weight, Text($"A request costing {costs[i]} can never fit {state.Rule}."));
            }

            if (costs[i] > 0 && state.Used + costs[i] > state.Rule.Limit)
            {
                var untilNextWindow = state.WindowStartMs + state.Rule.IntervalMs - now + (long)WindowMargin.TotalMilliseconds;
                if (untilNextWindow > waitMs)
                {
                    waitMs = untilNextWindow;
                    reason = Text($"{state.Rule.Type} {state.Used}/{state.Rule.Limit} used in this window");
                }
            }
        }

        if (waitMs > 0)
        {
            lease = null!;
            return false;
        }

        for (var i = 0; i < states.Length; i++)
        {
            states[i].Used += costs[i];
            states[i].InFlight += costs[i];
        }

        lease = new RateLimitLease(weight, isOrder, states, costs, [.. states.Select(s => s.WindowStartMs)]);
        return true;
    }

    /// <summary>One limit's live window; guarded by the budget's lock.</summary>
    internal sealed class RuleState(RateLimitRule rule)
    {
        public RateLimitRule Rule { get; } = rule;

        public long WindowStartMs { get; set; } = long.MinValue;

        public long Used { get; set; }

        public long InFlight { get; set; }

        /// <summary>Starts a new window when <paramref name="now"/> has left the current one; nothing is carried over.</summary>
        public void Roll(long now)
        {
            var start = now - (((now % Rule.IntervalMs) + Rule.IntervalMs) % Rule.IntervalMs);
            if (start != WindowStartMs)
            {
                WindowStartMs = start;
                Used = 0;
            }
        }
    }
}
