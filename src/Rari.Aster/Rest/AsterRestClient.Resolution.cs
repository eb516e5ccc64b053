using Microsoft.Extensions.Logging;
using Rari.Aster.Errors;
using Rari.Aster.Models;

namespace Rari.Aster.Rest;

// Resolving a new order whose outcome is unknown, without ever sending it again.
public sealed partial class AsterRestClient
{
    /// <summary>
    /// Finds out whether an order whose placement outcome is unknown exists, by querying its client order id:
    /// <list type="number">
    /// <item>found: it was placed;</item>
    /// <item>−2013 to a query <em>sent</em> after the request's acceptance window has passed: the venue can no longer
    /// accept the order, so it was never placed. The window is the recvWindow or nonce tolerance, widened by the
    /// configured clock uncertainty and half the round trip of the clock measurement (the bound on the offset's
    /// error, since the timestamp or nonce was read from the same estimated clock);</item>
    /// <item>−2013 before that, or any transient failure: wait and ask again, until
    /// <see cref="AsterClientOptions.UnknownStatusTimeout"/>.</item>
    /// </list>
    /// </summary>
    private async Task<OrderPlacement> ResolveUnknownPlacementAsync(NewOrderRequest order, AsterApiException cause, CancellationToken cancellationToken)
    {
        var options = _transport.Options;
        var clock = _transport.Clock;
        var id = order.ClientOrderId;
        var sentAtMs = cause.RequestTimeMs ?? clock.NowMs;
        // Half the measured round trip bounds the offset's error, rounded up, plus 1 ms because the venue's times are whole
        // milliseconds (truncated): without it a lookup could land on the window's last millisecond and read as after it.
        var offsetErrorMs = (((clock.Skew?.RoundTripMs ?? 0) + 1) / 2) + 1;
        var notPlacedAfterMs = sentAtMs + (long)(options.RequestAcceptanceWindow + options.ClockUncertainty).TotalMilliseconds + offsetErrorMs;
        var started = _time.GetTimestamp();
        ResolutionLog.Resolving(_logger, id.Value, order.Symbol.Value, cause.Category, cause.HttpStatus, cause.Code);
        for (var query = 1; ; query++)
        {
            // The venue answers a query after receiving it, so its "not found" speaks for no earlier than this.
            var askedAtMs = clock.NowMs;
            try
            {
                var found = await QueryOrderAsync(order.Symbol, OrderReference.ByClientId(id), cancellationToken).ConfigureAwait(false);
                ResolutionLog.Found(_logger, id.Value, found.OrderId, found.Status.Raw, query);
                return new OrderPlacement(id, OrderPlacementOutcome.PlacedAfterUnknownStatus, found, UnknownCause: cause);
            }
            catch (AsterApiException missing) when (missing.Category == AsterErrorCategory.UnknownOrder)
            {
                if (askedAtMs > notPlacedAfterMs)
                {
                    ResolutionLog.NotPlaced(_logger, id.Value, query);
                    return new OrderPlacement(id, OrderPlacementOutcome.NotPlaced, null, UnknownCause: cause);
                }
            }
            catch (AsterApiException transient) when (transient.Category is AsterErrorCategory.UnknownExecutionStatus
                or AsterErrorCategory.ServerError or AsterErrorCategory.NotDelivered or AsterErrorCategory.RateLimited
                or AsterErrorCategory.InvalidTimestamp)
            {
                // The query itself failed; the question is still open.
            }
            catch (AsterApiException blocked) when (blocked.Category != AsterErrorCategory.UnknownOrder)
            {
                // A ban, an authentication failure...: the order cannot be checked now, and that must not read as a refusal.
                ResolutionLog.Unresolved(_logger, id.Value, query);
                throw new AsterApiException(
                    AsterErrorCategory.UnknownExecutionStatus, cause.Method, cause.Path, cause.HttpStatus, cause.Code,
                    $"the outcome of order {id} is unknown and it cannot be checked ({blocked.Category}: {blocked.VenueMessage}); reconcile before placing it again",
                    cause.RequestTimeMs, blocked);
            }

            if (_time.GetElapsedTime(started) >= options.UnknownStatusTimeout)
            {
                ResolutionLog.Unresolved(_logger, id.Value, query);
                throw new AsterApiException(
                    AsterErrorCategory.UnknownExecutionStatus, cause.Method, cause.Path, cause.HttpStatus, cause.Code,
                    $"the outcome of order {id} is still unknown after {options.UnknownStatusTimeout}; reconcile before placing it again",
                    cause.RequestTimeMs, cause);
            }

            await Task.Delay(options.UnknownStatusPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Log messages of unknown-outcome resolution.</summary>
internal static partial class ResolutionLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} on {Symbol}: outcome unknown ({Category}, HTTP {Status}, code {Code}); querying it instead of sending it again")]
    public static partial void Resolving(ILogger logger, string clientOrderId, string symbol, AsterErrorCategory category, int? status, int? code);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Order {ClientOrderId} exists at the venue as {OrderId} ({Status}), found by query {Query}")]
    public static partial void Found(ILogger logger, string clientOrderId, long orderId, string status, int query);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} was not placed: still unknown to the venue after its acceptance window (query {Query})")]
    public static partial void NotPlaced(ILogger logger, string clientOrderId, int query);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error,
        Message = "Order {ClientOrderId}: outcome still unknown after {Query} queries; it must be reconciled before it is placed again")]
    public static partial void Unresolved(ILogger logger, string clientOrderId, int query);
}
