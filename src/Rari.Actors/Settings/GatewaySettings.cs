using System.Globalization;
using Rari.Domain.Execution;
using Rari.Domain.Orders;

namespace Rari.Actors.Settings;

/// <summary>What the gateway does with the account's open orders on a clean shutdown.</summary>
public enum ShutdownOrders : byte
{
    /// <summary>Leave them resting (and disarm the dead-man's switch, which would otherwise cancel them).</summary>
    Leave = 1,

    /// <summary>Cancel every open order of the traded symbols.</summary>
    Cancel = 2,
}

/// <summary>The exchange gateway's settings (HOCON block <c>rari.gateway</c>).</summary>
public sealed record GatewaySettings
{
    /// <summary>The defaults, as hocon/rari.conf documents them.</summary>
    public static GatewaySettings Default { get; } = new();

    /// <summary>
    /// Whether the gateway arms Aster's countdown cancel-all per traded symbol while it is healthy, so that the venue
    /// cancels our orders if we die. Default true. Turn it off against a simulator whose market clock runs faster than
    /// the wall clock (the countdown runs on the venue's clock).
    /// </summary>
    public bool DeadMansSwitch { get; init; } = true;

    /// <summary>How often the countdown is armed again while healthy. Default 20 s.</summary>
    public TimeSpan CountdownInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The countdown armed each time: unless armed again within it, the venue cancels the symbol's orders. Default 60 s.</summary>
    public TimeSpan Countdown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Open orders on a clean shutdown: left (the switch disarmed) or cancelled. Default cancel.</summary>
    public ShutdownOrders OpenOrdersOnShutdown { get; init; } = ShutdownOrders.Cancel;

    /// <summary>Open orders with our client-id prefix that the journal does not know, at reconciliation. Default cancel.</summary>
    public UnknownOrderPolicy UnknownOrders { get; init; } = UnknownOrderPolicy.Cancel;

    /// <summary>The prefix of our client order ids; orders with another one are never touched. Default <c>rari</c>.</summary>
    public string ClientOrderIdPrefix { get; init; } = ClientOrderIdFactory.DefaultPrefix;

    /// <summary>
    /// For a symbol without journaled fills, the longest window of the venue's trade list searched for missed fills,
    /// counted back from the newest order that may have filled. Default 7 days (the venue's own limit per query).
    /// </summary>
    public TimeSpan RecentFillsLookback { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Extra time, beyond the exchange's acceptance window (recvWindow plus the clock uncertainty), before a journaled
    /// submission the exchange does not know is taken as never placed. The journal records when the request was handed
    /// to the client; it may have waited in the rate-limit budget before it was signed and sent. Default 30 s.
    /// </summary>
    public TimeSpan NotPlacedMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the user stream may stay disconnected before the risk gate is told (fills may be missing), and how long a
    /// connected stream may stay silent before the gateway reconciles anyway (a stalled socket loses events). Default 30 s.
    /// </summary>
    public TimeSpan UserStreamStaleAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the gateway checks the venue's order-rate budget and tells the risk gate when its usage changed (it also
    /// tells after every submission), so a window that rolls over frees the gate's order-rate rule. Default 1 s.
    /// </summary>
    public TimeSpan OrderRateReportInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failed exchange calls (5xx, timeouts, unknown outcomes) before the risk gate is told. Default 5.</summary>
    public int MaxConsecutiveFailures { get; init; } = 5;

    /// <summary>The first pause before asking again about an order whose outcome is unknown, or reconciling again. Default 500 ms.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest such pause (the pause doubles up to it). Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a cancel that failed in doubt is sent again before it is left to reconciliation. Default 3.</summary>
    public int CancelAttempts { get; init; } = 3;

    /// <summary>Orders and cancels held while reconciling; more are refused. Default 1000.</summary>
    public int StashCapacity { get; init; } = 1000;

    /// <summary>A snapshot of the journal after this many events. Default 500.</summary>
    public int SnapshotEvery { get; init; } = 500;

    /// <summary>
    /// How many ended orders the gateway keeps in memory and in its snapshots, newest first; older ones are dropped and
    /// refused forever by a per-strategy-and-symbol sequence watermark, so the state stays bounded on a run of weeks.
    /// Open orders are always kept. Default 10000.
    /// </summary>
    public int RetainedEndedOrders { get; init; } = 10_000;

    /// <summary>Every problem, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Positive(errors, "countdown-interval", CountdownInterval);
        Positive(errors, "countdown", Countdown);
        if (Countdown < CountdownInterval * 2)
        {
            errors.Add(Text($"countdown = {ConfigText.Format(Countdown)}: must be at least twice countdown-interval ({ConfigText.Format(CountdownInterval)}), so that one late arming does not cancel every order"));
        }

        Positive(errors, "recent-fills-lookback", RecentFillsLookback);
        if (NotPlacedMargin < TimeSpan.Zero)
        {
            errors.Add(Text($"not-placed-margin = {NotPlacedMargin}: must not be negative"));
        }

        Positive(errors, "user-stream-stale-after", UserStreamStaleAfter);
        Positive(errors, "order-rate-report-interval", OrderRateReportInterval);
        Positive(errors, "retry-initial-delay", RetryInitialDelay);
        if (RetryMaxDelay < RetryInitialDelay)
        {
            errors.Add(Text($"retry-max-delay = {ConfigText.Format(RetryMaxDelay)}: must not be shorter than retry-initial-delay ({ConfigText.Format(RetryInitialDelay)})"));
        }

        AtLeastOne(errors, "max-consecutive-failures", MaxConsecutiveFailures);
        AtLeastOne(errors, "cancel-attempts", CancelAttempts);
        AtLeastOne(errors, "stash-capacity", StashCapacity);
        AtLeastOne(errors, "snapshot-every", SnapshotEvery);
        AtLeastOne(errors, "retained-ended-orders", RetainedEndedOrders);
        try
        {
            _ = new ClientOrderIdFactory(ClientOrderIdPrefix);
        }
        catch (ArgumentException)
        {
            errors.Add(Text($"client-order-id-prefix = {ClientOrderIdPrefix}: must be 1-{ClientOrderIdFactory.MaxPrefixLength} ASCII letters, digits or '_'"));
        }

        return errors;
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(Text($"{key} = {ConfigText.Format(value)}: must be longer than 0"));
        }
    }

    private static void AtLeastOne(List<string> errors, string key, int value)
    {
        if (value < 1)
        {
            errors.Add(Text($"{key} = {value}: must be at least 1"));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
