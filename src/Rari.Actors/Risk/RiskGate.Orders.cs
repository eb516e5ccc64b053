using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;

namespace Rari.Actors.Risk;

// Pre-trade: every SubmitOrder is judged by the RiskEngine against a RiskContext built from what the gate knows.
public sealed partial class RiskGate
{
    private const string NoAccountView =
        "gate: no account view yet: the gate cannot judge exposure before the gateway's first account update; only reduce-only and closing orders pass";

    private static readonly RiskContext NoContext = new(0, 0m, []);

    private void Judge(SubmitOrder submit)
    {
        var request = submit.Request;
        if (request.IsExposureSafe)
        {
            // Reduce-only and closing orders pass whatever the gate knows or what state trading is in; the engine says so
            // without reading the context.
            Route(submit, _engine.Check(request, NoContext));
            return;
        }

        if (_account is null)
        {
            Deny(submit, RiskRuleNames.Gate, NoAccountView);
            return;
        }

        RiskVerdict verdict;
        try
        {
            verdict = _engine.Check(request, BuildContext(request.Intent.Symbol));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A reading the rules refuse (a malformed report) must not take the gate down; the order is refused instead.
            _log.Error(e, "Risk gate could not judge {ClientOrderId}", request.Intent.ClientOrderId);
            Deny(submit, RiskRuleNames.Gate, $"{RiskRuleNames.Gate}: the order could not be judged: {e.Message}");
            return;
        }

        Route(submit, verdict);
    }

    private void Route(SubmitOrder submit, RiskVerdict verdict)
    {
        if (!verdict.IsAllowed)
        {
            Deny(submit, verdict.DeniedBy ?? RiskRuleNames.Gate, verdict.Reason);
            return;
        }

        var order = verdict.Order;
        CountApproval();
        if (verdict.Kind == RiskVerdictKind.Resized)
        {
            _resized++;
        }
        else
        {
            _approved++;
        }

        if (!submit.Request.IsExposureSafe)
        {
            _entries.Add(order, ReferencePrice(order));
        }

        var detail = verdict.Kind == RiskVerdictKind.Resized
            ? Invariant($"Resized {Describe(verdict.Requested)} to {order.Quantity}: {verdict.Reason} (strategy: {submit.Reason})")
            : Invariant($"Approved {Describe(order)}: {verdict.Reason} (strategy: {submit.Reason})");
        _audit.Record(new AuditEntry(AuditKind.Verdict, order.Symbol, order.ClientOrderId, _nowMs, detail));
        _gateway.Tell(new ApprovedOrder(order, submit.Reason, verdict.Kind, verdict.Reason));
    }

    private void Deny(SubmitOrder submit, string rule, string reason)
    {
        _denied++;
        var intent = submit.Request.Intent;
        _log.Info("Risk gate denied {ClientOrderId} by {Rule}: {Reason}", intent.ClientOrderId, rule, reason);
        _audit.Record(new AuditEntry(
            AuditKind.Verdict, intent.Symbol, intent.ClientOrderId, _nowMs, Invariant($"Denied {Describe(intent)} by {rule}: {reason} (strategy: {submit.Reason})")));
        _symbols.Tell(new OrderDenied(intent.Symbol, intent.ClientOrderId, reason, _nowMs));
    }

    /// <summary>
    /// The context of a check: equity now, and a view of every symbol the caps must see — the order's, every symbol
    /// held, every symbol with approved entries resting — each with its venue rules, mark, leverage, positions, resting
    /// entry notional, trading state and market readings.
    /// </summary>
    private RiskContext BuildContext(Symbol orderSymbol)
    {
        var account = _account!;
        var symbols = new HashSet<Symbol> { orderSymbol };
        account.CollectSymbols(symbols);
        _entries.CollectSymbols(symbols);
        var views = new List<SymbolRiskView>(symbols.Count);
        foreach (var symbol in symbols)
        {
            if (BuildView(account, symbol) is { } view)
            {
                views.Add(view);
            }
            else if (symbol != orderSymbol)
            {
                // Without its rules or a mark the symbol cannot be valued; the account-wide caps then miss it, so say so.
                _log.Warning("Risk gate has no view of {Symbol} (not in the catalog, or no mark yet); account-wide caps leave it out", symbol);
            }
        }

        return new RiskContext(_nowMs, account.Equity(_readings), views)
        {
            GlobalTradingState = _state.GlobalTradingState,
            Correlations = _readings.Correlations,
            OrderRate = OrderRateNow(),
        };
    }

    // Null when the symbol's rules or mark are unknown: for the order's own symbol the engine then denies with
    // "no market view".
    private SymbolRiskView? BuildView(AccountView account, Symbol symbol)
    {
        if (!_catalog.Symbols.TryGetValue(symbol, out var setup) || account.MarkOf(symbol, _readings) is not { } mark)
        {
            return null;
        }

        var reading = _readings.Of(symbol);
        var (buy, sell) = _entries.NotionalOf(symbol);
        return new SymbolRiskView(setup.Instrument, mark)
        {
            TradingState = _state.SymbolTradingState(symbol, _nowMs),
            Leverage = account.LeverageOf(symbol) is int held and >= 1 and <= Position.MaxLeverage ? held : setup.Leverage,
            MarginType = account.MarginTypeOf(symbol) ?? MarginType.Cross,
            Positions = account.PositionsOf(setup.Instrument, mark, _readings),
            OpenBuyNotional = buy,
            OpenSellNotional = sell,
            Book = _books.Of(symbol, _nowMs),
            Volatility = reading?.Volatility,
            AverageTrueRange = reading?.AverageTrueRange,
            StopLossPrice = reading?.StopLossPrice,
        };
    }

    // What an approved entry is worth while it rests: its limit or trigger price, or the mark for a MARKET order.
    private decimal ReferencePrice(OrderIntent order) => order.Type switch
    {
        OrderType.Limit => order.Price!.Value,
        OrderType.Market => _account?.MarkOf(order.Symbol, _readings) ?? 0m,
        _ => order.StopPrice!.Value,
    };

    private static string Describe(OrderIntent intent)
    {
        var side = intent.Side == OrderSide.Buy ? "BUY" : "SELL";
        var type = intent.Type switch
        {
            OrderType.Limit => "LIMIT",
            OrderType.Market => "MARKET",
            OrderType.StopMarket => "STOP_MARKET",
            _ => "TAKE_PROFIT_MARKET",
        };
        var quantity = intent.Quantity is { } q ? q.ToString(CultureInfo.InvariantCulture) : "close-position";
        var price = intent.Price ?? intent.StopPrice;
        var flags = (intent.ReduceOnly ? " reduce-only" : string.Empty) + (intent.ClosePosition ? " close-position" : string.Empty);
        return price is { } p
            ? Invariant($"{side} {type} {quantity} {intent.Symbol} @ {p}{flags}")
            : Invariant($"{side} {type} {quantity} {intent.Symbol}{flags}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
