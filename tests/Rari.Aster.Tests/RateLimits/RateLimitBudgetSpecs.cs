using Microsoft.Extensions.Time.Testing;
using Rari.Aster.Errors;
using Rari.Aster.RateLimits;

namespace Rari.Aster.Tests.RateLimits;

public sealed class RateLimitBudgetSpecs
{
    // 2025-05-06 00:00:10 UTC: ten seconds into a minute window.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_746_489_610_000);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_let_requests_through_while_the_window_has_room()
    {
        // arrange
        var (time, budget) = Create(weightLimit: 10);

        // act
        var first = await budget.AcquireAsync(4, isOrder: false, CancellationToken.None);
        var second = await budget.AcquireAsync(6, isOrder: false, CancellationToken.None);

        // assert
        var window = Assert.Single(budget.Snapshot().Windows, w => w.Rule.Type == RateLimitType.RequestWeight);
        Assert.Equal(10, window.Used);
        Assert.Equal(10, window.InFlight);
        Assert.Equal(1_746_489_600_000, window.WindowStartMs);
        Assert.Equal(Start, time.GetUtcNow());
        Assert.Equal(6, second.Weight);
        Assert.False(first.IsOrder);
    }

    [Fact]
    public async Task Should_hold_a_request_that_would_exceed_the_window_until_the_next_one()
    {
        // arrange
        var (time, budget) = Create(weightLimit: 10);
        budget.Complete(await budget.AcquireAsync(8, false, CancellationToken.None), []);

        // act
        var held = budget.AcquireAsync(3, false, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(49)); // 59 s into the window
        await Task.Delay(50);
        var heldBeforeWindowEnd = !held.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1) + RateLimitBudget.WindowMargin); // <-- the next window plus the margin
        var lease = await held.WaitAsync(Patience);

        // assert
        Assert.True(heldBeforeWindowEnd);
        Assert.Equal(3, lease.Weight);
        Assert.Equal(1_746_489_660_100, time.GetUtcNow().ToUnixTimeMilliseconds());
        Assert.Equal(3, budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used);
    }

    [Fact]
    public async Task Should_take_the_servers_count_over_the_local_estimate()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 2400);
        var lease = await budget.AcquireAsync(1, false, CancellationToken.None);

        // act
        budget.Complete(lease, [new RateLimitUsage(RateLimitType.RequestWeight, 60_000, 2398)]); // <-- other processes on this IP
        var next = budget.AcquireAsync(5, false, CancellationToken.None).AsTask();
        await Task.Delay(50);

        // assert
        Assert.False(next.IsCompleted);
        Assert.Equal(2398, budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used);
    }

    [Fact]
    public async Task Should_lower_the_estimate_when_the_server_counted_less_plus_what_is_still_in_flight()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 100);
        var answered = await budget.AcquireAsync(40, false, CancellationToken.None);
        await budget.AcquireAsync(20, false, CancellationToken.None); // still in flight

        // act
        budget.Complete(answered, [new RateLimitUsage(RateLimitType.RequestWeight, 60_000, 25)]);

        // assert
        var window = budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight);
        Assert.Equal(45, window.Used); // 25 counted by the server + 20 in flight
        Assert.Equal(20, window.InFlight);
    }

    [Fact]
    public async Task Should_ignore_a_count_that_belongs_to_an_earlier_window()
    {
        // arrange
        var (time, budget) = Create(weightLimit: 100);
        var lease = await budget.AcquireAsync(10, false, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(55)); // the answer arrives in the next window

        // act
        budget.Complete(lease, [new RateLimitUsage(RateLimitType.RequestWeight, 60_000, 99)]);

        // assert
        Assert.Equal(0, budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used);
    }

    [Fact]
    public async Task Should_hold_every_concurrent_caller_until_retry_after_has_passed()
    {
        // arrange
        var (time, budget) = Create(weightLimit: 2400);

        // act
        var until = budget.RecordRateLimited(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30));
        var callers = Enumerable.Range(0, 5).Select(_ => budget.AcquireAsync(1, false, CancellationToken.None).AsTask()).ToArray();
        time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(50);
        var heldCount = callers.Count(c => !c.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Task.WhenAll(callers).WaitAsync(Patience);

        // assert
        Assert.Equal(Start.ToUnixTimeMilliseconds() + 7000, until);
        Assert.Equal(5, heldCount); // <-- nobody slipped through during the back-off
        Assert.Equal(until, budget.NowMs);
    }

    [Fact]
    public void Should_back_off_for_the_default_when_a_429_names_no_retry_after()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 2400);

        // act
        var until = budget.RecordRateLimited(null, TimeSpan.FromSeconds(30));

        // assert
        Assert.Equal(Start.ToUnixTimeMilliseconds() + 30_000, until);
        Assert.Equal(until, budget.Snapshot().BlockedUntilMs);
    }

    [Fact]
    public async Task Should_refuse_every_request_during_a_ban_and_resume_after_it()
    {
        // arrange
        var (time, budget) = Create(weightLimit: 2400);
        var until = budget.RecordBan(null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));

        // act
        var refused = await Assert.ThrowsAsync<AsterRateLimitException>(() => budget.AcquireAsync(1, false, CancellationToken.None).AsTask());
        time.Advance(TimeSpan.FromMinutes(2));
        var lease = await budget.AcquireAsync(1, false, CancellationToken.None);

        // assert
        Assert.True(refused.IsBan);
        Assert.Equal(AsterErrorCategory.IpBanned, refused.Category);
        Assert.Equal(until, refused.BlockedUntilMs);
        Assert.Equal(Start.ToUnixTimeMilliseconds() + 120_000, until);
        Assert.Equal(1, lease.Weight);
        Assert.Null(budget.Snapshot().BannedUntilMs);
    }

    [Fact]
    public void Should_prefer_the_ban_end_the_venue_named()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 2400);

        // act
        var until = budget.RecordBan(Start.ToUnixTimeMilliseconds() + 600_000, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2));

        // assert
        Assert.Equal(Start.ToUnixTimeMilliseconds() + 600_000, until);
    }

    [Fact]
    public async Task Should_count_only_order_requests_against_the_orders_limit()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 2400, orderLimit: 2);

        // act
        await budget.AcquireAsync(1, isOrder: true, CancellationToken.None);
        await budget.AcquireAsync(1, isOrder: false, CancellationToken.None);
        await budget.AcquireAsync(1, isOrder: true, CancellationToken.None);
        var read = await budget.AcquireAsync(1, isOrder: false, CancellationToken.None).AsTask().WaitAsync(Patience);
        var thirdOrder = budget.AcquireAsync(1, isOrder: true, CancellationToken.None).AsTask();
        await Task.Delay(50);

        // assert
        Assert.Equal(1, read.Weight);
        Assert.False(thirdOrder.IsCompleted);
        Assert.Equal(2, budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.Orders).Used);
    }

    [Fact]
    public async Task Should_keep_the_count_when_the_venue_limits_are_loaded()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 2400);
        await budget.AcquireAsync(30, false, CancellationToken.None);

        // act
        budget.Configure(
        [
            new RateLimitRule(RateLimitType.RequestWeight, 60_000, 1200),
            new RateLimitRule(RateLimitType.Orders, 10_000, 300),
            new RateLimitRule(RateLimitType.Unknown, 60_000, 5),
        ]);

        // assert
        Assert.Equal(
            [new RateLimitRule(RateLimitType.RequestWeight, 60_000, 1200), new RateLimitRule(RateLimitType.Orders, 10_000, 300)],
            budget.Rules);
        Assert.Equal(30, budget.Snapshot().Windows.Single(w => w.Rule.Type == RateLimitType.RequestWeight).Used);
    }

    [Fact]
    public async Task Should_refuse_a_weight_that_can_never_fit_a_window()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 10);

        // act
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => budget.AcquireAsync(11, false, CancellationToken.None).AsTask());

        // assert
        Assert.Contains("can never fit RequestWeight 10/60000ms", error.Message);
    }

    [Fact]
    public async Task Should_stop_waiting_when_cancelled()
    {
        // arrange
        var (_, budget) = Create(weightLimit: 10);
        await budget.AcquireAsync(10, false, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        // act
        var held = budget.AcquireAsync(1, false, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        // assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(Patience));
    }

    [Fact]
    public async Task Should_never_let_any_window_exceed_its_limit_over_many_random_requests()
    {
        // arrange
        var random = new Random(20250506);
        var (time, budget) = Create(weightLimit: 50, orderLimit: 7);
        var weightPerWindow = new Dictionary<long, long>();
        var ordersPerWindow = new Dictionary<long, long>();

        // act
        for (var i = 0; i < 400; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 2_000)));
            var weight = random.Next(1, 21);
            var isOrder = random.Next(3) == 0;
            var acquiring = budget.AcquireAsync(weight, isOrder, CancellationToken.None).AsTask();
            while (!acquiring.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(2));
                for (var spin = 0; spin < 1000 && !acquiring.IsCompleted; spin++)
                {
                    await Task.Yield();
                }
            }

            var lease = await acquiring;
            var window = budget.NowMs / 60_000;
            weightPerWindow[window] = weightPerWindow.GetValueOrDefault(window) + weight;
            ordersPerWindow[window] = ordersPerWindow.GetValueOrDefault(window) + (isOrder ? 1 : 0);
            budget.Complete(lease, []);
        }

        // assert
        Assert.All(weightPerWindow.Values, used => Assert.InRange(used, 1, 50));
        Assert.All(ordersPerWindow.Values, used => Assert.InRange(used, 0, 7));
        Assert.True(weightPerWindow.Count > 20, "the run should span many windows");
    }

    private static (FakeTimeProvider Time, RateLimitBudget Budget) Create(int weightLimit, int orderLimit = 1200)
    {
        var time = new FakeTimeProvider(Start);
        var budget = new RateLimitBudget(time);
        budget.Configure(
        [
            new RateLimitRule(RateLimitType.RequestWeight, 60_000, weightLimit),
            new RateLimitRule(RateLimitType.Orders, 60_000, orderLimit),
        ]);
        return (time, budget);
    }
}
