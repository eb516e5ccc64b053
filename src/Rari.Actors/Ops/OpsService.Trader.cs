using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.Risk;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Rari.Domain.Risk;

namespace Rari.Actors.Ops;

// The trader: each symbol's supervisor (through the shard region, wherever it runs), the gateway and the risk gate
// (through their singleton proxies). Halt, resume and flatten are the risk gate's own controls, journaled by it.
public sealed partial class OpsService
{
    /// <summary>Every traded symbol's status, the gateway's and the risk gate's global state.</summary>
    public async Task<TraderView> TraderStatusAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var region = _registry.Get<ActorKeys.Symbols>();
        var symbols = await Task.WhenAll(_symbols.Select(symbol => SymbolStatusAsync(region, symbol, cancellationToken))).ConfigureAwait(false);
        var gateway = await AskAsync<GatewayStatus>(_registry.Get<ActorKeys.ExchangeGateway>(), GetGatewayStatus.Instance, "the exchange gateway", problems, cancellationToken).ConfigureAwait(false);
        var risk = await AskAsync<RiskStatus>(_registry.Get<ActorKeys.RiskGate>(), GetRiskStatus.Instance, "the risk gate", problems, cancellationToken).ConfigureAwait(false);
        return new TraderView(symbols, gateway is null ? null : ToView(gateway), risk?.State.GlobalTradingState.ToString(), problems);
    }

    /// <summary>The risk gate's halts, breakers, day baseline, equity peak and counters.</summary>
    /// <exception cref="AskTimeoutException">The risk gate did not answer (starting, or moving to another node).</exception>
    public async Task<RiskView> RiskShowAsync(CancellationToken cancellationToken)
    {
        var status = await _registry.Get<ActorKeys.RiskGate>().Ask<RiskStatus>(GetRiskStatus.Instance, _timeout, cancellationToken).ConfigureAwait(false);
        var state = status.State;
        return new RiskView(
            state.GlobalTradingState.ToString(),
            status.Equity,
            state.DayBaselineEquity,
            state.EquityPeak,
            status.Approved,
            status.Resized,
            status.Denied,
            [.. state.Restrictions.Select(r => new RestrictionView(r.Symbol?.Value ?? "*", r.Level.ToString(), r.Cause.ToString(), r.Reason, r.SinceMs))],
            [.. state.Breakers.Select(b => new BreakerView(b.Symbol.Value, b.Reason, b.UntilMs))]);
    }

    /// <summary>The orders the gateway holds as open at the venue.</summary>
    public async Task<OrdersView> OpenOrdersAsync(CancellationToken cancellationToken)
    {
        var status = await _registry.Get<ActorKeys.ExchangeGateway>().Ask<GatewayStatus>(GetGatewayStatus.Instance, _timeout, cancellationToken).ConfigureAwait(false);
        return new OrdersView([.. status.OpenOrders
            .OrderBy(o => o.ClientOrderId.Value, StringComparer.Ordinal)
            .Select(o => new OrderView(o.ClientOrderId.Value, o.VenueOrderId?.ToString(), o.Status?.ToString() ?? "unknown", o.OrderQuantity, o.Fills.Sum(f => f.Quantity)))]);
    }

    /// <summary>Halts new exposure for one symbol or (null) all: the risk gate cancels the scope's entry orders.</summary>
    public Task<OpsOutcome> HaltAsync(Symbol? symbol, string reason, CancellationToken cancellationToken) =>
        ControlAsync(new HaltTrading(NowMs(), symbol, reason), cancellationToken);

    /// <summary>Closes the positions of one symbol or (null) all at market and halts that scope.</summary>
    public Task<OpsOutcome> FlattenAsync(Symbol? symbol, string reason, CancellationToken cancellationToken) =>
        ControlAsync(new FlattenPositions(NowMs(), symbol, reason), cancellationToken);

    /// <summary>
    /// Lifts the operator's halts of one symbol or (null) all. A symbol its supervisor halted after repeated failures is
    /// resumed there (which starts its strategy again and lifts the gate's halt); halts of other causes (daily loss,
    /// drawdown, exchange failures) are lifted by their own rules, not by hand.
    /// </summary>
    public async Task<OpsOutcome> ResumeAsync(Symbol? symbol, string reason, CancellationToken cancellationToken)
    {
        if (symbol is { } one)
        {
            var resumed = await _registry.Get<ActorKeys.Symbols>().Ask<ControlResult>(new ResumeSymbol(one, reason), _timeout, cancellationToken).ConfigureAwait(false);
            if (resumed.Accepted)
            {
                return new OpsOutcome(true, resumed.Message);
            }
        }

        return await ControlAsync(new ResumeTrading(NowMs(), symbol, reason, HaltCause.Manual), cancellationToken).ConfigureAwait(false);
    }

    // The gate stamps controls with exchange time itself; the wall clock here only orders them if it has seen none yet.
    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static GatewayView ToView(GatewayStatus status) => new(
        status.IsReconciled,
        status.OpenOrders.Count,
        status.Submitted,
        status.Rejected,
        status.Account?.Equity,
        [.. (status.Account?.Positions ?? []).Select(p => new PositionView(p.Symbol.Value, p.Side.ToString(), p.Quantity, p.EntryPrice, p.UnrealizedPnl))]);

    private async Task<OpsOutcome> ControlAsync(RiskInput control, CancellationToken cancellationToken)
    {
        var result = await _registry.Get<ActorKeys.RiskGate>().Ask<ControlResult>(control, _timeout, cancellationToken).ConfigureAwait(false);
        return new OpsOutcome(result.Accepted, result.Message);
    }

    private async Task<SymbolView> SymbolStatusAsync(IActorRef region, Symbol symbol, CancellationToken cancellationToken)
    {
        try
        {
            var status = await region.Ask<SymbolStatus>(new GetSymbolStatus(symbol), _timeout, cancellationToken).ConfigureAwait(false);
            return new SymbolView(
                symbol.Value,
                status.Mode.ToString().ToLowerInvariant(),
                status.TradingState.ToString(),
                status.IsStale,
                status.IsHalted,
                status.OpenOrders.Count,
                status.Detail);
        }
        catch (AskTimeoutException)
        {
            return new SymbolView(symbol.Value, string.Empty, "unknown", false, false, 0, $"no answer within {_timeout.TotalSeconds:0} s (moving to another node?)");
        }
    }

    private async Task<T?> AskAsync<T>(IActorRef actor, object question, string who, List<string> problems, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await actor.Ask<T>(question, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            problems.Add($"{who} did not answer within {_timeout.TotalSeconds:0} s (starting, or moving to another node)");
            return null;
        }
    }
}
