using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Rari.Dashboard.Settings;

namespace Rari.Dashboard.Alerts;

/// <summary>A webhook with its URL, read from the environment variable its settings name.</summary>
/// <param name="Settings">The webhook's settings.</param>
/// <param name="Url">The URL (holds a secret: never logged).</param>
public sealed record WebhookTarget(WebhookSettings Settings, Uri Url);

/// <summary>
/// Delivers alerts to the webhooks in the background. <see cref="Post"/> never blocks and never throws: alerts wait in a
/// bounded queue (when it is full the oldest waiting alert is dropped and logged), and one loop sends each alert to each
/// webhook, retrying a failed delivery with a doubling pause (a 429's Retry-After is honoured) up to the configured
/// attempts, then logging it as lost. Trading never waits for any of it.
/// </summary>
public sealed partial class AlertDispatcher : IAsyncDisposable
{
    // How long a stopping node waits for queued alerts (a halt at shutdown is worth a few seconds, not a hang).
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly AlertSettings _settings;
    private readonly IReadOnlyList<WebhookTarget> _targets;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<Alert> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _delivered;
    private long _failed;

    /// <summary>Starts the delivery loop.</summary>
    /// <param name="settings">Retry and queue settings.</param>
    /// <param name="targets">Where alerts go; none makes <see cref="Post"/> a no-op.</param>
    /// <param name="http">The client to send with (its lifetime is the caller's).</param>
    /// <param name="time">The clock the pauses run on.</param>
    /// <param name="log">Where failed and dropped deliveries are logged.</param>
    public AlertDispatcher(AlertSettings settings, IReadOnlyList<WebhookTarget> targets, HttpClient http, TimeProvider time, ILogger log)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _queue = Channel.CreateBounded<Alert>(
            new BoundedChannelOptions(settings.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => LogDropped(dropped.Kind, dropped.Title));
        _loop = Task.Run(() => DeliverAllAsync(_stop.Token));
    }

    /// <summary>Alerts delivered to a webhook (one count per webhook).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Deliveries given up after every attempt failed.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues <paramref name="alert"/> for every webhook; returns at once.</summary>
    public void Post(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (_targets.Count > 0)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    /// <summary>Stops taking alerts, gives the queued ones a moment to go out, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _stop.CancelAfter(ShutdownGrace < _settings.RequestTimeout ? ShutdownGrace : _settings.RequestTimeout);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: whatever was still queued is logged below.
        }

        while (_queue.Reader.TryRead(out var left))
        {
            LogDropped(left.Kind, left.Title);
        }

        _stop.Dispose();
    }

    private async Task DeliverAllAsync(CancellationToken cancellationToken)
    {
        await foreach (var alert in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var target in _targets)
            {
                await DeliverAsync(target, alert, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(WebhookTarget target, Alert alert, CancellationToken cancellationToken)
    {
        var body = WebhookPayloads.For(target.Settings, alert);
        var pause = _settings.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            var (ok, problem, retryAfter) = await SendAsync(target.Url, body, cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                Interlocked.Increment(ref _delivered);
                LogDelivered(alert.Kind, target.Settings.Name, attempt);
                return;
            }

            if (attempt >= _settings.MaxAttempts)
            {
                Interlocked.Increment(ref _failed);
                LogGivenUp(alert.Kind, alert.Title, target.Settings.Name, attempt, problem);
                return;
            }

            var wait = retryAfter is { } asked && asked > pause ? Min(asked, _settings.RetryMaxDelay) : pause;
            LogRetrying(alert.Kind, target.Settings.Name, attempt, problem, wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            pause = Min(pause * 2, _settings.RetryMaxDelay);
        }
    }

    private async Task<(bool Ok, string Problem, TimeSpan? RetryAfter)> SendAsync(Uri url, string body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.RequestTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (true, string.Empty, null);
            }

            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? response.Headers.RetryAfter?.Delta : null;
            return (false, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", retryAfter);
        }
        catch (HttpRequestException e)
        {
            // The message names the host, never the path (where webhook secrets live).
            return (false, e.HttpRequestError.ToString(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"no answer within {_settings.RequestTimeout.TotalSeconds:0.#} s", null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever goes wrong with one delivery must not end the loop that delivers every other alert.
            return (false, e.GetType().Name, null);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Kind} delivered to webhook {Webhook} (attempt {Attempt})")]
    private partial void LogDelivered(AlertKind kind, string webhook, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} to webhook {Webhook} failed (attempt {Attempt}: {Problem}); trying again in {Wait}")]
    private partial void LogRetrying(AlertKind kind, string webhook, int attempt, string problem, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Kind} '{Title}' to webhook {Webhook} given up after {Attempts} attempts: {Problem}")]
    private partial void LogGivenUp(AlertKind kind, string title, string webhook, int attempts, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} '{Title}' dropped: the alert queue is full or stopping")]
    private partial void LogDropped(AlertKind kind, string title);
}
