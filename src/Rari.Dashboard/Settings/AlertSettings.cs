using Rari.Actors.Settings;

namespace Rari.Dashboard.Settings;

/// <summary>The message shape a webhook expects.</summary>
public enum WebhookFormat : byte
{
    /// <summary>A plain JSON object: <c>{ "kind", "title", "text", "symbol", "timestampMs" }</c>.</summary>
    Generic = 1,

    /// <summary>Telegram Bot API <c>sendMessage</c>: <c>{ "chat_id", "text" }</c>.</summary>
    Telegram = 2,

    /// <summary>A Discord webhook: <c>{ "content" }</c>.</summary>
    Discord = 3,
}

/// <summary>
/// One alert destination. Its URL holds a secret (a bot token, a webhook key), so the settings name the environment
/// variable that holds it, never the URL itself.
/// </summary>
/// <param name="Name">The block's name under <c>rari.alerts.webhooks</c>, for logs.</param>
/// <param name="Format">The message shape.</param>
/// <param name="UrlVariable">The environment variable holding the full URL.</param>
/// <param name="ChatId">Telegram only: the chat the bot writes to.</param>
public sealed record WebhookSettings(string Name, WebhookFormat Format, string UrlVariable, string? ChatId);

/// <summary>What raises an alert and where alerts go (HOCON block <c>rari.alerts</c>).</summary>
public sealed record AlertSettings
{
    /// <summary>The defaults, as hocon/rari.conf documents them: no webhook, so nothing is sent.</summary>
    public static AlertSettings Default { get; } = new();

    /// <summary>Alert on every halt, reducing state and resume (global or per symbol). Default true.</summary>
    public bool OnHalts { get; init; } = true;

    /// <summary>Alert when a circuit breaker trips. Default true.</summary>
    public bool OnBreakers { get; init; } = true;

    /// <summary>Alert on a fill whose notional (price × quantity) reaches this many USDT; null for none. Default 1000.</summary>
    public decimal? FillNotionalAbove { get; init; } = 1000m;

    /// <summary>Send a summary (equity, the day's PnL, fills) when the UTC day changes on the wall clock. Default true.</summary>
    public bool DailySummary { get; init; } = true;

    /// <summary>Alerts waiting for delivery; beyond it the oldest waiting alert is dropped (and logged). Default 256.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Attempts per alert and webhook before it is given up (and logged). Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The pause after the first failed attempt; it doubles up to <see cref="RetryMaxDelay"/>. Default 1 s.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between attempts. Default 60 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one delivery may take before it counts as failed. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The destinations, in name order; empty sends nothing.</summary>
    public IReadOnlyList<WebhookSettings> Webhooks { get; init; } = [];

    /// <summary>Every problem, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FillNotionalAbove is <= 0m)
        {
            errors.Add($"fill-notional-above = {FillNotionalAbove}: must be positive, or null for no fill alerts");
        }

        if (QueueCapacity < 1)
        {
            errors.Add($"queue-capacity = {QueueCapacity}: must be at least 1");
        }

        if (MaxAttempts < 1)
        {
            errors.Add($"max-attempts = {MaxAttempts}: must be at least 1");
        }

        if (RetryInitialDelay <= TimeSpan.Zero)
        {
            errors.Add($"retry-initial-delay = {ConfigText.Format(RetryInitialDelay)}: must be positive");
        }

        if (RetryMaxDelay < RetryInitialDelay)
        {
            errors.Add($"retry-max-delay = {ConfigText.Format(RetryMaxDelay)}: must be at least retry-initial-delay ({ConfigText.Format(RetryInitialDelay)})");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"request-timeout = {ConfigText.Format(RequestTimeout)}: must be positive");
        }

        return errors;
    }

    /// <summary>Value equality including the webhook list (records compare lists by reference).</summary>
    public bool Equals(AlertSettings? other) =>
        other is not null
        && OnHalts == other.OnHalts
        && OnBreakers == other.OnBreakers
        && FillNotionalAbove == other.FillNotionalAbove
        && DailySummary == other.DailySummary
        && QueueCapacity == other.QueueCapacity
        && MaxAttempts == other.MaxAttempts
        && RetryInitialDelay == other.RetryInitialDelay
        && RetryMaxDelay == other.RetryMaxDelay
        && RequestTimeout == other.RequestTimeout
        && Webhooks.SequenceEqual(other.Webhooks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OnHalts, OnBreakers, FillNotionalAbove, DailySummary, QueueCapacity, MaxAttempts, Webhooks.Count);
}
