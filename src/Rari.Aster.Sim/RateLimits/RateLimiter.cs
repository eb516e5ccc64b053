using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.RateLimits;

/// <summary>The outcome of charging a request against a limit.</summary>
/// <param name="Refusal">Null when the request may proceed; otherwise the 429 or 418 error to answer with.</param>
/// <param name="RetryAfterSeconds">For a refusal, the <c>Retry-After</c> value: seconds until the window ends or the ban lifts.</param>
internal readonly record struct RateDecision(AsterError? Refusal, long RetryAfterSeconds)
{
    public static RateDecision Allowed => default;
}

/// <summary>
/// Enforces REQUEST_WEIGHT per IP and ORDERS per account over fixed one-minute windows aligned to the clock
/// (as Binance-style venues count them), with Aster's escalation: 429 with <c>Retry-After</c> when a limit is
/// exceeded, then 418 bans for IPs that keep sending while refused, each ban twice as long as the one before
/// (2 minutes upward, at most 3 days).
/// </summary>
/// <remarks>
/// Refused requests do not spend weight. An IP that keeps sending while banned has its ban extended (a longer ban,
/// counted from now) after every <see cref="RateLimitSettings.ViolationsBeforeBan"/> further requests. Thread-safe.
/// </remarks>
internal sealed class RateLimiter
{
    private const long WindowMs = 60_000;

    private readonly RateLimitSettings _settings;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, IpState> _ips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _orders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RateLimiter(RateLimitSettings settings, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.RequestWeightPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.OrdersPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.ViolationsBeforeBan);
        _settings = settings;
        _time = time;
    }

    /// <summary>Spends <paramref name="weight"/> for <paramref name="ip"/>, or refuses with 429 or 418.</summary>
    public RateDecision ChargeWeight(string ip, int weight)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (!_ips.TryGetValue(ip, out var state))
            {
                state = new IpState();
                _ips.Add(ip, state);
            }

            if (state.Counter.Roll(now) && state.BannedUntilMs <= now)
            {
                // A new window forgives the requests sent while the last one was exhausted.
                state.Violations = 0;
            }

            if (state.BannedUntilMs > now)
            {
                if (++state.Violations > _settings.ViolationsBeforeBan)
                {
                    Ban(state, now);
                }

                return Refuse(AsterErrors.Banned(state.BannedUntilMs), state.BannedUntilMs - now);
            }

            if (state.Counter.Used + weight > _settings.RequestWeightPerMinute)
            {
                if (state.Counter.Exceeded && ++state.Violations > _settings.ViolationsBeforeBan)
                {
                    Ban(state, now);
                    return Refuse(AsterErrors.Banned(state.BannedUntilMs), state.BannedUntilMs - now);
                }

                state.Counter.Exceeded = true;
                return Refuse(AsterErrors.TooManyRequests(ip, _settings.RequestWeightPerMinute), state.Counter.WindowEndMs - now);
            }

            state.Counter.Used += weight;
            return RateDecision.Allowed;
        }
    }

    /// <summary>Counts <paramref name="orders"/> new orders for <paramref name="account"/>, or refuses with 429 (−1015).</summary>
    public RateDecision ChargeOrders(string account, int orders)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (!_orders.TryGetValue(account, out var counter))
            {
                counter = new Counter();
                _orders.Add(account, counter);
            }

            counter.Roll(now);
            if (counter.Used + orders > _settings.OrdersPerMinute)
            {
                return Refuse(AsterErrors.TooManyOrders(_settings.OrdersPerMinute), counter.WindowEndMs - now);
            }

            counter.Used += orders;
            return RateDecision.Allowed;
        }
    }

    /// <summary>The weight <paramref name="ip"/> has spent in the current minute (<c>X-MBX-USED-WEIGHT-1M</c>).</summary>
    public int UsedWeight(string ip)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            return _ips.TryGetValue(ip, out var state) ? state.Counter.Current(now) : 0;
        }
    }

    /// <summary>The orders <paramref name="account"/> has sent in the current minute (<c>X-MBX-ORDER-COUNT-1M</c>).</summary>
    public int OrderCount(string account)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            return _orders.TryGetValue(account, out var counter) ? counter.Current(now) : 0;
        }
    }

    private void Ban(IpState state, long now)
    {
        // The n-th ban lasts InitialBan × 2^(n−1), capped at MaxBan.
        var length = _settings.InitialBan.TotalMilliseconds * Math.Pow(2, Math.Min(state.Bans, 30));
        var capped = (long)Math.Min(length, _settings.MaxBan.TotalMilliseconds);
        state.Bans++;
        state.BannedUntilMs = now + capped;
        state.Violations = 0;
    }

    private static RateDecision Refuse(AsterError error, long remainingMs) =>
        new(error, Math.Max(1, (remainingMs + 999) / 1000));

    /// <summary>A count within the current fixed one-minute window.</summary>
    private sealed class Counter
    {
        public long WindowStartMs { get; private set; } = long.MinValue;

        public long WindowEndMs => WindowStartMs + WindowMs;

        public int Used { get; set; }

        /// <summary>Whether a request was refused in this window (later ones count as violations).</summary>
        public bool Exceeded { get; set; }

        /// <summary>Moves to the window holding <paramref name="now"/>; true when that starts a new window.</summary>
        public bool Roll(long now)
        {
            var start = now - (((now % WindowMs) + WindowMs) % WindowMs);
            if (start == WindowStartMs)
            {
                return false;
            }

            WindowStartMs = start;
            Used = 0;
            Exceeded = false;
            return true;
        }

        public int Current(long now)
        {
            Roll(now);
            return Used;
        }
    }

    private sealed class IpState
    {
        public Counter Counter { get; } = new();

        public int Violations { get; set; }

        public int Bans { get; set; }

        public long BannedUntilMs { get; set; }
    }
}
