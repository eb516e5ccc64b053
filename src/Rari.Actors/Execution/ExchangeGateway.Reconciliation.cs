using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Actors.Hosting;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Actors.Execution;

// Reconciling: fetch what the venue says, let the Domain's reconciler decide, journal and act on its plan.
public sealed partial class ExchangeGateway
{
    // The most pages of 1,000 trades fetched per symbol; beyond it reconciliation reports a mismatch rather than loop.
    private const int MaxTradePages = 20;
    private const int TradePage = 1000;

    private void Reconciling()
    {
        Command<VenueViewFetched>(OnVenueView);
        Command<VenueViewFailed>(OnVenueViewFailed);
        Command<RetryReconcile>(_ => FetchVenueView());
        Command<ApprovedOrder>(approved => Hold(approved, () => Refuse(approved.Intent, "the gateway is reconciling and holds too many orders already")));
        // A cancel only reduces risk and a report reads the journal: when the stash is full they are served at once.
        Command<CancelOrder>(cancel => Hold(cancel, () => RequestCancel(cancel.Symbol, cancel.ClientOrderId, cancel.Reason)));
        Command<GetOrderReports>(query => Hold(query, () => OnGetOrderReports(query)));
        Command<GetOpenEntryOrders>(query => Hold(query, OnGetOpenEntryOrders));
        Command<RiskCommand>(command =>
        {
            // Risk commands are few and must never be dropped.
            Stash.Stash();
            _stashed++;
        });
        Command<StopGateway>(_ => BeginShutdown());
        Common();
    }

    private void Hold(object message, Action overflow)
    {
        if (_stashed >= _settings.StashCapacity)
        {
            overflow();
            return;
        }

        Stash.Stash();
        _stashed++;
    }

    /// <summary>Enters Reconciling (from start, or from Trading after a stream gap) and starts fetching.</summary>
    private void StartReconciliation()
    {
        if (_stopping)
        {
            return;
        }

        if (_reconciling)
        {
            // A gap while a round is running: the round's fetch may predate it, so run another one after it.
            _reconcileAgain = true;
            return;
        }

        _reconciled = false;
        _reconciling = true;
        _reconcileAttempt = 0;
        Become(Reconciling);
        FetchVenueView();
    }

    private void FetchVenueView()
    {
        var journal = _state.JournalView();
        var inFlight = _inFlight.ToHashSet();
        var symbols = _catalog.Symbols.Keys.Concat(_state.OpenOrders.Select(o => o.Symbol)).Distinct().OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
        var lookbackMs = (long)_settings.RecentFillsLookback.TotalMilliseconds;
        var lastTradeIds = new Dictionary<Symbol, TradeId>(_state.LastTradeIds);
        FetchAsync(_rest, journal, inFlight, symbols, lookbackMs, lastTradeIds, _stop.Token).PipeTo(
            Self,
            success: view => view,
            failure: error => new VenueViewFailed(Unwrap(error)));
    }

    // Off the actor's thread: reads only its arguments and the thread-safe client.
    private static async Task<VenueViewFetched> FetchAsync(
        AsterRestClient rest,
        IReadOnlyList<JournalOrder> journal,
        IReadOnlySet<ClientOrderId> inFlight,
        IReadOnlyList<Symbol> symbols,
        long lookbackMs,
        IReadOnlyDictionary<Symbol, TradeId> lastTradeIds,
        CancellationToken cancellationToken)
    {
        var open = new List<VenueOrderReport>();
        foreach (var symbol in symbols)
        {
            foreach (var order in await rest.GetOpenOrdersAsync(symbol, cancellationToken).ConfigureAwait(false))
            {
                if (order.ToReport() is { } report)
                {
                    open.Add(report);
                }
            }
        }

        var bySymbol = journal.ToDictionary(o => o.ClientOrderId, o => o.Order.Symbol);
        var lookups = new Dictionary<ClientOrderId, OrderLookup>();
        foreach (var id in Reconciler.OrdersToQuery(journal, open, inFlight))
        {
            lookups[id] = await LookupAsync(rest, bySymbol[id], id, cancellationToken).ConfigureAwait(false);
        }

        var reports = open.Concat(lookups.Values.OfType<OrderLookup.Found>().Select(f => f.Report)).ToList();
        var venueIds = Reconciler.VenueIds(journal, reports);
        var trades = new List<Fill>();
        foreach (var query in FromWatermarks(Reconciler.TradeQueries(journal, reports, lookbackMs), lastTradeIds))
        {
            trades.AddRange(await FetchTradesAsync(rest, query, venueIds, cancellationToken).ConfigureAwait(false));
        }

        var account = await rest.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var positions = await rest.GetPositionRiskAsync(null, cancellationToken).ConfigureAwait(false);
        return new VenueViewFetched(open, lookups, trades, account, positions);
    }

    // The journal the reconciler sees holds only the kept orders; the state's per-symbol trade watermark still knows the
    // highest trade id of the dropped ones, so the trades are fetched from there on, never again from further back.
    private static List<TradeQuery> FromWatermarks(IReadOnlyList<TradeQuery> queries, IReadOnlyDictionary<Symbol, TradeId> lastTradeIds)
    {
        var result = new List<TradeQuery>(queries.Count + lastTradeIds.Count);
        var covered = new HashSet<Symbol>();
        foreach (var query in queries)
        {
            covered.Add(query.Symbol);
            result.Add(lastTradeIds.TryGetValue(query.Symbol, out var last) && (query.FromTradeId is not { } from || from.Value <= last.Value)
                ? new TradeQuery(query.Symbol, new TradeId(last.Value + 1), null)
                : query);
        }

        // As before any order was dropped: a symbol with journaled fills is always asked for the trades after them.
        foreach (var (symbol, last) in lastTradeIds.OrderBy(entry => entry.Key.Value, StringComparer.Ordinal))
        {
            if (!covered.Contains(symbol))
            {
                result.Add(new TradeQuery(symbol, new TradeId(last.Value + 1), null));
            }
        }

        return result;
    }

    private static async Task<IReadOnlyList<Fill>> FetchTradesAsync(
        AsterRestClient rest, TradeQuery query, IReadOnlyDictionary<VenueOrderId, ClientOrderId> venueIds, CancellationToken cancellationToken)
    {
        var fills = new List<Fill>();
        long? fromId = query.FromTradeId?.Value;
        var startTime = fromId is null ? query.StartTimeMs : null;
        for (var page = 0; page < MaxTradePages; page++)
        {
            var trades = await rest.GetUserTradesAsync(query.Symbol, startTime, null, fromId, TradePage, cancellationToken).ConfigureAwait(false);
            foreach (var trade in trades)
            {
                // Trades of orders that are not ours (or not known) cannot be named; positions cover them.
                if (venueIds.TryGetValue(new VenueOrderId(trade.OrderId), out var id))
                {
                    fills.Add(trade.ToFill(id));
                }
            }

            if (trades.Count < TradePage)
            {
                return fills;
            }

            fromId = trades.Max(t => t.Id) + 1;
            startTime = null;
        }

        throw new InvalidOperationException($"More than {MaxTradePages * TradePage} trades of {query.Symbol} to reconcile; refusing to guess.");
    }

    private void OnVenueView(VenueViewFetched view)
    {
        RestSucceeded();
        var (openOrders, retired) = SplitRetired(view.OpenOrders);
        var input = new ReconciliationInput(_state.JournalView(), openOrders, view.Lookups, view.Trades, _state.Lost, Rules(), _inFlight.ToHashSet());
        var plan = WithRetiredCancelled(Reconciler.Reconcile(input), retired);
        SeenVenueTime(view.Account.UpdateTime);
        foreach (var position in view.Positions)
        {
            SeenVenueTime(position.UpdateTime);
        }

        foreach (var fill in view.Trades)
        {
            SeenVenueTime(fill.TimestampMs);
        }

        // Stamped with the venue's own latest time, never the local clock: a simulator replaying history reports events in
        // market time, and a wall-clock stamp would run the risk gate's day ahead of the market's.
        HoldAccount(VenueMapping.ToAccountChanged(view.Account, view.Positions, _lastVenueTimeMs));
        var journaled = new List<object>(plan.Adoptions.Count + plan.Events.Count);
        journaled.AddRange(plan.Adoptions.Select(a => new OrderAdopted(a.Intent, a.TimestampMs)));
        journaled.AddRange(plan.Events);
        PersistAll(journaled, ApplyJournaled);
        DeferAsync(plan, FinishReconciliation);
    }

    // Open orders of ours whose ids the gateway dropped (after they ended): never adopted nor taken as unknown.
    private (List<VenueOrderReport> Open, List<VenueOrderReport> Retired) SplitRetired(IReadOnlyList<VenueOrderReport> openOrders)
    {
        var open = new List<VenueOrderReport>(openOrders.Count);
        var retired = new List<VenueOrderReport>();
        foreach (var report in openOrders)
        {
            var isRetired = ClientOrderId.IsValid(report.ClientOrderId) && _state.IsRetired(new ClientOrderId(report.ClientOrderId));
            (isRetired ? retired : open).Add(report);
        }

        return (open, retired);
    }

    // As for a kept order the journal holds ended while the venue shows it open: a mismatch, and the order is cancelled.
    private static ReconciliationPlan WithRetiredCancelled(ReconciliationPlan plan, List<VenueOrderReport> retired)
    {
        if (retired.Count == 0)
        {
            return plan;
        }

        var findings = retired.Select(r => new ReconciliationFinding(
            FindingKind.Mismatch, r.Symbol, r.ClientOrderId, FormattableString.Invariant($"open at the venue ({r.Status}, {r.ExecutedQuantity} filled) while the gateway dropped it as ended; cancelling it")));
        var cancels = retired.Select(r => new OrderCancellation(r.Symbol, r.ClientOrderId, InJournal: false, "open at the venue while the gateway dropped it as ended"));
        return plan with { Findings = [.. plan.Findings, .. findings], Cancellations = [.. plan.Cancellations, .. cancels] };
    }

    private void FinishReconciliation(ReconciliationPlan plan)
    {
        foreach (var finding in plan.Findings)
        {
            var id = ClientOrderId.IsValid(finding.ClientOrderId) ? new ClientOrderId(finding.ClientOrderId) : default;
            if (id.Value is not null)
            {
                Audit(AuditKind.Reconciliation, finding.Symbol, id, $"{finding.Kind}: {finding.Detail}");
            }

            if (finding.Kind == FindingKind.Mismatch)
            {
                ReportMismatch(finding);
            }
        }

        foreach (var cancellation in plan.Cancellations)
        {
            var id = new ClientOrderId(cancellation.ClientOrderId);
            if (!cancellation.InJournal || !_cancelsInFlight.Contains(id))
            {
                SendCancel(cancellation.Symbol, cancellation.ClientOrderId, cancellation.InJournal, cancellation.Reason, 1);
            }
        }

        if (_account is { } account)
        {
            _mediator.Tell(new Publish(Topics.Account, account));
        }

        if (_reconcileAgain)
        {
            // The stream (re)connected while this round ran: its fetch may predate the gap.
            _reconcileAgain = false;
            FetchVenueView();
            return;
        }

        if (plan.OnlyAwaitsAcceptanceWindows)
        {
            // A submission cut short (a crash, a timeout) may still be accepted until its window ends: asking earlier
            // proves nothing, and waiting for it is the protocol working, not a failure, so no round is counted. The
            // window is on the server clock the lookups were stamped with.
            var wait = TimeSpan.FromMilliseconds(Math.Clamp(plan.WaitingUntilMs!.Value - _rest.Transport.Clock.NowMs + 500, 1_000, 60_000));
            _log.Info("Gateway: {0} submission(s) not found yet but still within their acceptance window; asking again in {1}", plan.AwaitingWindows, wait);
            Timers.StartSingleTimer("reconcile", RetryReconcile.Instance, wait);
            return;
        }

        if (plan.Unresolved.Count > 0)
        {
            _reconcileAttempt++;
            if (_reconcileAttempt == _settings.MaxConsecutiveFailures)
            {
                ReportCritical(HaltCause.ReconciliationMismatch, $"reconciliation could not settle {plan.Unresolved.Count} order(s) after {_reconcileAttempt} rounds; still trying");
            }

            _log.Info("Gateway: {0} order(s) still unresolved; reconciling again (round {1})", plan.Unresolved.Count, _reconcileAttempt + 1);
            Timers.StartSingleTimer("reconcile", RetryReconcile.Instance, Backoff(_reconcileAttempt));
            return;
        }

        _log.Info("Gateway {0} reconciled: {1} finding(s), {2} event(s) journaled, {3} cancel(s) sent", PersistenceId, plan.Findings.Count, plan.Events.Count, plan.Cancellations.Count);
        _reconciling = false;
        _reconciled = true;
        _reconcileAttempt = 0;
        if (_streamConnected && _reported.Remove(HaltCause.UserStreamStale))
        {
            _riskGate.Tell(new ResumeTrading(VenueNow(), null, "the user data stream is connected again and the gateway reconciled", HaltCause.UserStreamStale));
        }

        Become(Trading);
        Stash.UnstashAll();
        _stashed = 0;
        if (_settings.DeadMansSwitch && !Timers.IsTimerActive("countdown"))
        {
            Timers.StartPeriodicTimer("countdown", ArmCountdown.Instance, TimeSpan.Zero, _settings.CountdownInterval);
        }
    }

    private void OnVenueViewFailed(VenueViewFailed failed)
    {
        RestFailed(failed.Error);
        _reconcileAttempt++;
        _log.Warning("Gateway: reconciliation round {0} failed ({1}); trying again", _reconcileAttempt, failed.Error.Message);
        Timers.StartSingleTimer("reconcile", RetryReconcile.Instance, Backoff(_reconcileAttempt));
    }

    private sealed record VenueViewFetched(
        IReadOnlyList<VenueOrderReport> OpenOrders,
        IReadOnlyDictionary<ClientOrderId, OrderLookup> Lookups,
        IReadOnlyList<Fill> Trades,
        AsterAccount Account,
        IReadOnlyList<AsterPositionRisk> Positions);

    private sealed record VenueViewFailed(Exception Error);

    private sealed record RetryReconcile
    {
        public static RetryReconcile Instance { get; } = new();
    }
}
