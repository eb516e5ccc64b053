using Akka.Actor;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Actors.Execution;

// Cancels (a strategy's, the risk gate's, reconciliation's) and the risk gate's closes.
public sealed partial class ExchangeGateway
{
    private void RequestCancel(Symbol symbol, ClientOrderId id, string reason)
    {
        if (!_state.TryGet(id, out var order))
        {
            if (_state.IsLost(id) || _state.IsRetired(id))
            {
                // Declared lost already, or ended long ago and dropped from memory: nothing is open to cancel.
                return;
            }

            // The gateway never received it: it must never be sent now, and for its strategy it is withdrawn.
            Persist(new OrderDeclaredLost(symbol, id, "cancelled by its strategy before the gateway received it: " + reason), lost =>
            {
                ApplyJournaled(lost);
                Deliver(new OrderCanceled(symbol, id, VenueNow()));
            });
            return;
        }

        var status = order.Order.Status;
        if (status.IsTerminal() || status == OrderStatus.PendingCancel || _cancelsInFlight.Contains(id))
        {
            return;
        }

        if (status == OrderStatus.Submitted)
        {
            // Cancelling by client id before the venue has answered could race the order itself; wait for its acknowledgement.
            _cancelWanted[id] = reason;
            Audit(AuditKind.Cancel, symbol, id, "cancel requested (" + reason + "); sent once the venue acknowledges the order");
            return;
        }

        StartCancel(order, reason);
    }

    private void StartCancel(GatewayOrder order, string reason) =>
        Persist(new OrderPendingCancel(order.Symbol, order.ClientOrderId, VenueNow()), pending =>
        {
            ApplyJournaled(pending);
            SendCancel(order.Symbol, order.ClientOrderId.Value, true, reason, 1);
        });

    private void SendCancel(Symbol symbol, string clientOrderId, bool inJournal, string reason, int attempt)
    {
        var id = new ClientOrderId(clientOrderId);
        if (inJournal)
        {
            _cancelsInFlight.Add(id);
        }

        Audit(AuditKind.Cancel, symbol, id, attempt == 1 ? "cancel sent: " + reason : $"cancel sent again (attempt {attempt}): {reason}");
        _rest.CancelOrderAsync(symbol, OrderReference.ByClientId(id), _stop.Token).PipeTo(
            Self,
            success: cancelled => new CancelCompleted(symbol, id, inJournal, reason, attempt, cancelled, null),
            failure: error => new CancelCompleted(symbol, id, inJournal, reason, attempt, null, Unwrap(error)));
    }

    private void OnCancelCompleted(CancelCompleted completed)
    {
        var id = completed.ClientOrderId;
        if (completed.InJournal)
        {
            _cancelsInFlight.Remove(id);
        }

        var known = _state.TryGet(id, out var order);
        if (completed.Order is { } cancelled)
        {
            RestSucceeded();
            SeenVenueTime(cancelled.UpdateTime);
            if (completed.InJournal && known && cancelled.ToReport() is { } report)
            {
                Settle(order, new OrderLookup.Found(report), resolving: false, attempt: 0);
            }
            else
            {
                Audit(AuditKind.Cancel, completed.Symbol, id, "cancelled at the venue (the order is not the journal's)");
            }

            return;
        }

        var error = completed.Error!;
        var gone = error is AsterApiException { Category: AsterErrorCategory.UnknownOrder };
        if (gone)
        {
            RestSucceeded();
        }
        else
        {
            RestFailed(error);
        }

        if (!completed.InJournal || !known)
        {
            Audit(AuditKind.Cancel, completed.Symbol, id, "cancel failed: " + error.Message);
            return;
        }

        if (!gone && IsExchangeFailure(error) && completed.Attempt < _settings.CancelAttempts)
        {
            Timers.StartSingleTimer(
                "cancel-" + id.Value, new RetryCancel(completed.Symbol, id.Value, completed.Reason, completed.Attempt + 1), Backoff(completed.Attempt));
            return;
        }

        // -2011 means the order is no longer open (filled, cancelled or expired): record the refusal, then ask what became of it.
        var code = (error as AsterApiException)?.Code ?? 0;
        PersistIfApplies(new OrderCancelRejected(order.Symbol, id, code, (error as AsterApiException)?.VenueMessage ?? error.Message, VenueNow()));
        Query(order, resolving: false, attempt: 0);
    }

    private void OnCancelEntryOrders(CancelEntryOrders command)
    {
        foreach (var order in _state.OpenOrders.ToList())
        {
            var intent = order.Order.Intent;
            if ((command.Symbol is null || command.Symbol == order.Symbol) && !intent.ReduceOnly && !intent.ClosePosition)
            {
                RequestCancel(order.Symbol, order.ClientOrderId, "risk: " + command.Reason);
            }
        }
    }

    private void FetchPositions(ClosePositions command, int attempt) =>
        _rest.GetPositionRiskAsync(command.Symbol, _stop.Token).PipeTo(
            Self,
            success: positions => new PositionsFetched(command, attempt, positions, null),
            failure: error => new PositionsFetched(command, attempt, null, Unwrap(error)));

    private void OnPositionsFetched(PositionsFetched fetched)
    {
        if (fetched.Positions is not { } positions)
        {
            RestFailed(fetched.Error!);
            _log.Error("Gateway: positions for {0} could not be read ({1}); attempt {2}", fetched.Command, fetched.Error!.Message, fetched.Attempt);
            if (fetched.Attempt < _settings.CancelAttempts)
            {
                Timers.StartSingleTimer("close-" + fetched.Command.Symbol, new RetryClose(fetched.Command, fetched.Attempt + 1), Backoff(fetched.Attempt));
            }

            return;
        }

        RestSucceeded();
        if (_stopping)
        {
            return;
        }

        var next = _state.NextRiskSequence;
        foreach (var position in positions)
        {
            var symbol = new Symbol(position.Symbol);
            if (position.PositionAmt == 0m || !_catalog.Symbols.TryGetValue(symbol, out var setup)
                || (fetched.Command.Symbol is { } only && only != symbol))
            {
                continue;
            }

            var side = position.PositionSide.IsKnown ? position.PositionSide.Value : PositionSide.Both;
            if (_state.OpenOrders.Any(o => o.Symbol == symbol && o.Order.Intent.StrategyId == GatewayState.RiskStrategy && o.Order.Intent.PositionSide == side))
            {
                _log.Info("Gateway: a close of {0} {1} is already working; not sending another", symbol, side);
                continue;
            }

            var first = next;
            IReadOnlyList<OrderIntent> orders;
            try
            {
                orders = FlattenPlanner.Orders(setup.Instrument, side, position.PositionAmt, GatewayState.RiskStrategy, i => _ids.Create(GatewayState.RiskStrategy, symbol, first + i));
            }
            catch (ArgumentException impossible)
            {
                ReportMismatch(new ReconciliationFinding(FindingKind.Mismatch, symbol, "-", "cannot close the position: " + impossible.Message));
                continue;
            }

            next += orders.Count;
            foreach (var intent in orders)
            {
                Submit(intent, "close position: " + fetched.Command.Reason);
            }
        }
    }

    private sealed record CancelCompleted(Symbol Symbol, ClientOrderId ClientOrderId, bool InJournal, string Reason, int Attempt, AsterOrder? Order, Exception? Error);

    private sealed record RetryCancel(Symbol Symbol, string ClientOrderId, string Reason, int Attempt);

    private sealed record PositionsFetched(ClosePositions Command, int Attempt, IReadOnlyList<AsterPositionRisk>? Positions, Exception? Error);

    private sealed record RetryClose(ClosePositions Command, int Attempt);
}
