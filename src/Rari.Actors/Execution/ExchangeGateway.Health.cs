using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Actors.Hosting;
using Rari.Actors.Settings;
using Rari.Aster.Errors;
using Rari.Aster.Rest;
using Rari.Aster.Streams;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Actors.Execution;

// The user stream, the dead-man's switch, failure counting and critical errors.
public sealed partial class ExchangeGateway
{
    private bool Healthy => _reconciled && _streamConnected && !_stopping
        && _consecutiveFailures < _settings.MaxConsecutiveFailures && !_reported.Contains(HaltCause.AuthenticationFailure);

    private void StartStream()
    {
        // Until the first connection the stream counts as down; past the threshold the risk gate hears of it.
        Timers.StartSingleTimer("stream-stale", new StreamStale(0), _settings.UserStreamStaleAfter);
        try
        {
            var stream = _streamFactory();
            _stream = stream;
            stream.Start();
            var self = Self;
            var token = _stop.Token;
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await foreach (var e in stream.ReadAllAsync(token).ConfigureAwait(false))
                        {
                            self.Tell(new StreamEventReceived(e));
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // Stopping.
                    }
                },
                CancellationToken.None);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            _log.Error(e, "Gateway: the user data stream could not start; fills arrive only through reconciliation");
        }
    }

    private void OnStreamEvent(AsterUserStreamEvent streamEvent)
    {
        if (streamEvent is not UserStreamDisconnected)
        {
            // The stream spoke: restart the count of its silence.
            Timers.StartSingleTimer("stream-silent", StreamSilent.Instance, _settings.UserStreamStaleAfter);
        }

        switch (streamEvent)
        {
            case AsterOrderTradeUpdate update:
                SeenVenueTime(update.EventTimeMs);
                OnOrderUpdate(update);
                break;
            case AsterAccountUpdate account:
                SeenVenueTime(account.EventTimeMs);
                _mediator.Tell(new Publish(Topics.Account, HoldAccount(VenueMapping.Merge(_account, account, _tradedSinceAccountUpdate))));
                if (account.Reason.Is(AsterAccountUpdateReason.Order))
                {
                    _tradedSinceAccountUpdate.Clear();
                }

                break;
            case UserStreamConnected connected:
                _streamConnected = true;
                Timers.Cancel("stream-stale");
                if (connected.Reason != StreamConnectReason.Planned)
                {
                    // Events sent while no connection was open are lost (before the first one too): ask the venue.
                    _log.Info("Gateway: user stream connected (connection {0}, {1}); reconciling", connected.Connection, connected.Reason);
                    StartReconciliation();
                }

                break;
            case UserStreamDisconnected disconnected:
                _streamConnected = false;
                _log.Warning("Gateway: user stream lost ({0}); retrying in {1}", disconnected.Reason, disconnected.RetryIn);
                Timers.StartSingleTimer("stream-stale", new StreamStale(disconnected.Connection), _settings.UserStreamStaleAfter);
                break;
            case AsterMarginCall call:
                SeenVenueTime(call.EventTimeMs);
                _log.Warning("Gateway: margin call on {0} position(s)", call.Positions.Count);
                break;
        }
    }

    private void OnOrderUpdate(AsterOrderTradeUpdate update)
    {
        if (update.Order.LastFilledQuantity > 0m)
        {
            // Any fill, ours or not (a liquidation): the ACCOUNT_UPDATE that follows omits the position if it closed.
            var side = update.Order.PositionSide.IsKnown ? update.Order.PositionSide.Value : PositionSide.Both;
            _tradedSinceAccountUpdate.Add((update.Order.Symbol, side));
        }

        IOrderEvent? orderEvent;
        try
        {
            orderEvent = update.ToOrderEvent();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            ReportMismatch(new ReconciliationFinding(FindingKind.Mismatch, update.Order.Symbol, update.Order.ClientOrderId, e.Message));
            return;
        }

        if (orderEvent is null)
        {
            return;
        }

        switch (_state.Preview(orderEvent))
        {
            case null:
                // Not in the journal: another process's order, a liquidation, or an unknown one of ours that the next
                // reconciliation cancels or adopts.
                _log.Info("Gateway: user stream reports {0} of order {1}, unknown to the journal", orderEvent.GetType().Name, orderEvent.ClientOrderId);
                break;
            case OrderApplyResult.Applied:
                Persist(orderEvent, ApplyJournaled);
                break;
            case OrderApplyResult.Refused refused:
                ReportMismatch(new ReconciliationFinding(FindingKind.Mismatch, orderEvent.Symbol, orderEvent.ClientOrderId.Value, refused.Error));
                break;
        }
    }

    /// <summary>
    /// A connected user stream has said nothing for <see cref="GatewaySettings.UserStreamStaleAfter"/>: ask the venue.
    /// </summary>
    /// <remarks>
    /// A stream can stall with its socket open (the venue stops sending, pings are still answered): no disconnect
    /// tells us, and every fill made meanwhile would never be delivered and the journal would hold filled orders as
    /// open. Silence is also normal on a quiet account, so it is not reported as an error, only checked: a
    /// reconciliation recovers whatever the stream missed, and is repeated while the silence lasts.
    /// </remarks>
    private void OnStreamSilent()
    {
        if (!_streamConnected || _stopping)
        {
            // A stream that is down is reconciled when it reconnects (and reported if it stays down).
            return;
        }

        Timers.StartSingleTimer("stream-silent", StreamSilent.Instance, _settings.UserStreamStaleAfter);
        if (!_reconciling)
        {
            _log.Info("Gateway: the user stream has been silent for {0}; checking the journal against the exchange", ConfigText.Format(_settings.UserStreamStaleAfter));
            StartReconciliation();
        }
    }

    private void OnStreamStale(StreamStale stale)
    {
        if (!_streamConnected)
        {
            ReportCritical(HaltCause.UserStreamStale, $"the user data stream has been down for more than {ConfigText.Format(_settings.UserStreamStaleAfter)}; fills may be missing");
        }
    }

    private void OnArmCountdown()
    {
        if (!_settings.DeadMansSwitch || !Healthy)
        {
            // Not arming is the point: if we stay unhealthy, the venue cancels our orders when the countdown runs out.
            return;
        }

        foreach (var symbol in _catalog.Symbols.Keys)
        {
            _rest.CountdownCancelAllAsync(symbol, _settings.Countdown, _stop.Token).PipeTo(
                Self,
                success: _ => new CountdownArmed(symbol, null),
                failure: error => new CountdownArmed(symbol, Unwrap(error)));
        }
    }

    private void OnCountdownArmed(CountdownArmed armed)
    {
        if (armed.Error is { } error)
        {
            RestFailed(error);
            _log.Warning("Gateway: arming the countdown of {0} failed: {1}", armed.Symbol, error.Message);
        }
        else
        {
            RestSucceeded();
        }
    }

    // A success proves the exchange and our credentials work again: a later failure is reported anew.
    private void RestSucceeded()
    {
        _consecutiveFailures = 0;
        _reported.Remove(HaltCause.ExchangeFailures);
        _reported.Remove(HaltCause.AuthenticationFailure);
    }

    private void RestFailed(Exception error)
    {
        if (error is AsterApiException api && IsAuthentication(api))
        {
            ReportCritical(HaltCause.AuthenticationFailure, $"the exchange refused our credentials ({api.Code}): {api.VenueMessage ?? api.Message}");
            return;
        }

        if (IsExchangeFailure(error))
        {
            _consecutiveFailures++;
            CheckFailures(error.Message);
        }
    }

    private void CheckFailures(string last)
    {
        if (_consecutiveFailures >= _settings.MaxConsecutiveFailures)
        {
            ReportCritical(HaltCause.ExchangeFailures, $"{_consecutiveFailures} exchange calls failed in a row; the last: {last}");
        }
    }

    private static bool IsAuthentication(AsterApiException error) =>
        error.Category == AsterErrorCategory.Authentication
        || error.Code is AsterErrorCodes.BadApiKeyFormat or AsterErrorCodes.RejectedApiKey or AsterErrorCodes.InvalidSignature;

    // Failures of the exchange or the path to it, as opposed to its answers about an order (refusals, unknown order).
    private static bool IsExchangeFailure(Exception error) => error is not AsterApiException api || api.Category is AsterErrorCategory.ServerError
        or AsterErrorCategory.UnknownExecutionStatus or AsterErrorCategory.NotDelivered or AsterErrorCategory.RateLimited
        or AsterErrorCategory.IpBanned or AsterErrorCategory.Firewall or AsterErrorCategory.InvalidTimestamp;

    private void ReportCritical(HaltCause cause, string detail)
    {
        if (_reported.Add(cause) || cause == HaltCause.ReconciliationMismatch)
        {
            _log.Error("Gateway: critical error ({0}): {1}", cause, detail);
            _riskGate.Tell(new CriticalErrorDetected(VenueNow(), cause, detail));
        }
    }

    private void ReportMismatch(ReconciliationFinding finding)
    {
        if (ClientOrderId.IsValid(finding.ClientOrderId))
        {
            Audit(AuditKind.Reconciliation, finding.Symbol, new ClientOrderId(finding.ClientOrderId), "mismatch: " + finding.Detail);
        }

        ReportCritical(HaltCause.ReconciliationMismatch, $"{finding.Symbol} order {finding.ClientOrderId}: {finding.Detail}");
    }

    private sealed record StreamEventReceived(AsterUserStreamEvent Event);

    private sealed record StreamStale(int Connection);

    private sealed record StreamSilent
    {
        public static StreamSilent Instance { get; } = new();
    }

    private sealed record ArmCountdown
    {
        public static ArmCountdown Instance { get; } = new();
    }

    private sealed record CountdownArmed(Symbol Symbol, Exception? Error);

}
