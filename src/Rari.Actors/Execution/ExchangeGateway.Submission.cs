using Akka.Actor;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Execution;

// New orders: journal, send once, map the answer, resolve an unknown outcome by client order id.
public sealed partial class ExchangeGateway
{
    private void OnApproved(ApprovedOrder approved)
    {
        var intent = approved.Intent;
        var id = intent.ClientOrderId;
        if (_state.TryGet(id, out var known))
        {
            // Never a second request for one client order id: answer with what is known instead.
            _log.Warning("Gateway: order {0} is already known ({1}); not sent again", id, known.Order.Status);
            foreach (var orderEvent in known.History)
            {
                if (IsVenueFact(orderEvent))
                {
                    _symbols.Tell(orderEvent);
                }
            }

            return;
        }

        if (_state.IsRetired(id))
        {
            // Ended long ago and dropped from memory (its strategy was told then), or older than one that was: never sent.
            _log.Warning("Gateway: order {0} is older than the orders it keeps (ended and dropped, or never received); not sent", id);
            Audit(AuditKind.Response, intent.Symbol, id, "refused, not sent: an id at or below the dropped orders' watermark of its strategy and symbol");
            return;
        }

        if (_state.IsLost(id))
        {
            var denied = new OrderDenied(intent.Symbol, id, "arrived after its strategy declared it lost", VenueNow());
            _log.Warning("Gateway: order {0} arrived after its strategy declared it lost; refused", id);
            Audit(AuditKind.Response, intent.Symbol, id, "refused, not sent: " + denied.Reason);
            _symbols.Tell(denied);
            _riskGate.Tell(denied);
            return;
        }

        Submit(intent, approved.Reason);
    }

    /// <summary>Journals the submission, then sends it; an order that cannot be sent is journaled as refused instead.</summary>
    private void Submit(OrderIntent intent, string reason)
    {
        if (!_catalog.Symbols.TryGetValue(intent.Symbol, out var setup))
        {
            Refuse(intent, $"{intent.Symbol} is not traded by this gateway");
            return;
        }

        NewOrderRequest request;
        try
        {
            request = intent.ToNewOrderRequest(setup.Instrument);
        }
        catch (ArgumentException invalid)
        {
            Refuse(intent, "cannot be sent: " + invalid.Message);
            return;
        }

        Persist(new SubmissionStarted(intent, reason, VenueNow(), _rest.Transport.Clock.NowMs), started =>
        {
            ApplyJournaled(started);
            Place(started.Intent.ClientOrderId, request);
        });
    }

    private void Refuse(OrderIntent intent, string reason)
    {
        if (_state.TryGet(intent.ClientOrderId, out _) || _state.IsLost(intent.ClientOrderId) || _state.IsRetired(intent.ClientOrderId))
        {
            return;
        }

        Persist(new SubmissionRefused(intent, reason, VenueNow()), ApplyJournaled);
    }

    private void Place(ClientOrderId id, NewOrderRequest request)
    {
        _inFlight.Add(id);
        _rest.PlaceOrderAsync(request, _stop.Token).PipeTo(
            Self,
            success: placement => new PlacementCompleted(id, placement, null),
            failure: error => new PlacementCompleted(id, null, Unwrap(error)));
    }

    private void OnPlacementCompleted(PlacementCompleted completed)
    {
        ReportOrderRate();
        var id = completed.ClientOrderId;
        if (!_state.TryGet(id, out var order))
        {
            return;
        }

        if (completed.Placement is { } placement)
        {
            RestSucceeded();
            OnPlacement(order, placement);
            return;
        }

        var error = completed.Error!;
        switch (error)
        {
            case AsterApiException { IsExecutionUnknown: true } unknown:
                RestFailed(unknown);
                OutcomeUnknown(order, unknown.Message);
                break;
            case ArgumentException invalid:
                // Refused by the client before anything left.
                _inFlight.Remove(id);
                PersistIfApplies(new OrderRejected(order.Symbol, id, 0, "not sent: " + invalid.Message, VenueNow()));
                break;
            case AsterApiException refused:
                // A definite answer: the venue refused the order (or the request was never delivered), so it does not exist.
                RestFailed(refused);
                _inFlight.Remove(id);
                PersistIfApplies(new OrderRejected(order.Symbol, id, refused.Code ?? 0, refused.VenueMessage ?? refused.Message, VenueNow()));
                break;
            default:
                // Anything else may have happened after the request left: only a query can tell.
                RestFailed(error);
                OutcomeUnknown(order, error.Message);
                break;
        }
    }

    private void OnPlacement(GatewayOrder order, OrderPlacement placement)
    {
        var id = order.ClientOrderId;
        switch (placement.Outcome)
        {
            case OrderPlacementOutcome.Placed or OrderPlacementOutcome.PlacedAfterUnknownStatus when placement.Order?.ToReport() is { } report:
                if (placement.Outcome == OrderPlacementOutcome.PlacedAfterUnknownStatus)
                {
                    _unknownOutcomes++;
                    Audit(AuditKind.Response, order.Symbol, id, $"outcome unknown ({placement.UnknownCause?.Message}); found at the venue by its client order id");
                }

                _inFlight.Remove(id);
                SeenVenueTime(report.UpdatedMs);
                Settle(order, new OrderLookup.Found(report), resolving: false, attempt: 0);
                break;
            case OrderPlacementOutcome.NotPlaced:
                _unknownOutcomes++;
                _inFlight.Remove(id);
                PersistIfApplies(new OrderRejected(
                    order.Symbol, id, Reconciler.NotPlacedCode,
                    $"not placed: the outcome was unknown ({placement.UnknownCause?.Message}) and the venue did not know the order after its acceptance window",
                    VenueNow()));
                break;
            case OrderPlacementOutcome.Rejected:
                _inFlight.Remove(id);
                PersistIfApplies(new OrderRejected(order.Symbol, id, placement.Error?.Code ?? 0, placement.Error?.Message ?? "rejected", VenueNow()));
                break;
            default:
                OutcomeUnknown(order, "the venue's answer could not be read");
                break;
        }
    }

    private void OutcomeUnknown(GatewayOrder order, string why)
    {
        _unknownOutcomes++;
        _inFlight.Add(order.ClientOrderId);
        Audit(AuditKind.Response, order.Symbol, order.ClientOrderId, $"outcome unknown ({why}); resolving by client order id, never sending again");
        Timers.StartSingleTimer(ResolveKey(order.ClientOrderId), new ResolveOrder(order.ClientOrderId, 1), _settings.RetryInitialDelay);
    }

    private void OnResolveOrder(ResolveOrder resolve)
    {
        if (!_state.TryGet(resolve.ClientOrderId, out var order) || order.Order.Status != OrderStatus.Submitted)
        {
            _inFlight.Remove(resolve.ClientOrderId);
            return;
        }

        Query(order, resolving: true, resolve.Attempt);
    }

    /// <summary>Asks the venue about one order by its client order id; the answer comes back as <see cref="OrderQueried"/>.</summary>
    private void Query(GatewayOrder order, bool resolving, int attempt)
    {
        var id = order.ClientOrderId;
        LookupAsync(_rest, order.Symbol, id, _stop.Token).PipeTo(
            Self,
            success: lookup => new OrderQueried(id, lookup, resolving, attempt),
            failure: error => new OrderQueried(id, new OrderLookup.Failed(Unwrap(error).Message), resolving, attempt));
    }

    private void OnOrderQueried(OrderQueried queried)
    {
        if (!_state.TryGet(queried.ClientOrderId, out var order))
        {
            return;
        }

        if (queried.Lookup is OrderLookup.Failed failed)
        {
            _consecutiveFailures++;
            CheckFailures("querying order " + queried.ClientOrderId + ": " + failed.Reason);
        }
        else
        {
            RestSucceeded();
        }

        if (queried.Lookup is OrderLookup.Found found)
        {
            SeenVenueTime(found.Report.UpdatedMs);
        }

        Settle(order, queried.Lookup, queried.Resolving, queried.Attempt);
    }

    /// <summary>Settles one order from a venue answer with the Domain's reconciler, and keeps resolving while it stays open.</summary>
    private void Settle(GatewayOrder order, OrderLookup lookup, bool resolving, int attempt)
    {
        var plan = Reconciler.Settle(new JournalOrder(order.Order, order.SentAtMs), lookup, Rules());
        foreach (var finding in plan.Findings)
        {
            if (finding.Kind == FindingKind.Mismatch)
            {
                ReportMismatch(finding);
            }
        }

        PersistAll(plan.Events, ApplyJournaled);
        DeferAsync(order.ClientOrderId, id =>
        {
            if (resolving && _state.TryGet(id, out var settled) && settled.Order.Status == OrderStatus.Submitted)
            {
                Timers.StartSingleTimer(ResolveKey(id), new ResolveOrder(id, attempt + 1), Backoff(attempt + 1));
            }
        });
    }

    /// <summary>Journals an order event if the order applies it (a late duplicate is dropped, a contradiction reported).</summary>
    private void PersistIfApplies(IOrderEvent orderEvent)
    {
        switch (_state.Preview(orderEvent))
        {
            case OrderApplyResult.Applied:
                Persist(orderEvent, ApplyJournaled);
                break;
            case OrderApplyResult.Refused refused:
                ReportMismatch(new ReconciliationFinding(FindingKind.Mismatch, orderEvent.Symbol, orderEvent.ClientOrderId.Value, refused.Error));
                break;
        }
    }

    private static async Task<OrderLookup> LookupAsync(AsterRestClient rest, Symbol symbol, ClientOrderId id, CancellationToken cancellationToken)
    {
        // The venue answers after receiving the query, so its "not found" speaks for no earlier than this.
        var askedAtMs = rest.Transport.Clock.NowMs;
        try
        {
            var order = await rest.QueryOrderAsync(symbol, OrderReference.ByClientId(id), cancellationToken).ConfigureAwait(false);
            return order.ToReport() is { } report ? new OrderLookup.Found(report) : new OrderLookup.Failed("the venue's order has an unreadable side");
        }
        catch (AsterApiException missing) when (missing.Category == AsterErrorCategory.UnknownOrder)
        {
            return new OrderLookup.NotFound(askedAtMs);
        }
        catch (AsterApiException failed)
        {
            return new OrderLookup.Failed($"{failed.Category}: {failed.Message}");
        }
    }

    private static string ResolveKey(ClientOrderId id) => "resolve-" + id.Value;

    private sealed record PlacementCompleted(ClientOrderId ClientOrderId, OrderPlacement? Placement, Exception? Error);

    private sealed record ResolveOrder(ClientOrderId ClientOrderId, int Attempt);

    private sealed record OrderQueried(ClientOrderId ClientOrderId, OrderLookup Lookup, bool Resolving, int Attempt);
}
