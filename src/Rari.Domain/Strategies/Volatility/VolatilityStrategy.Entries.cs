using System.Globalization;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Strategies.Volatility;

// Entries: turning the bar's signal into a sized, normalized entry order, and giving up on one that does not fill.
public sealed partial class VolatilityStrategy
{
    private void DecideEntry(ref VolatilityDecisionBuilder decision, in Kline bar, in StrategyContext context)
    {
        var signal = _signals.Signal;
        if (!signal.IsEntry || context.TradingState != TradingState.Active)
        {
            return;
        }

        // One position per symbol: a position the strategy does not own (manual, another strategy) blocks entries.
        if (context.PositionQuantity != 0m)
        {
            if (IsNewSkip(decision, EntrySkipReason.ForeignPosition))
            {
                Skip(ref decision, context, signal, EntrySkipReason.ForeignPosition, Text($"the account holds {context.PositionQuantity} {Symbol} that this strategy does not own"));
            }

            return;
        }

        var side = signal.Direction == PositionDirection.Long ? OrderSide.Buy : OrderSide.Sell;
        var instrument = context.Instrument;
        var (type, limitPrice, timeInForce) = EntryOrderFor(instrument, side, bar.Close);
        var reference = limitPrice ?? bar.Close;
        if (StopDistanceAt(reference) is not { } stopDistance)
        {
            if (IsNewSkip(decision, EntrySkipReason.NothingToRisk))
            {
                Skip(ref decision, context, signal, EntrySkipReason.NothingToRisk, Text($"the {_settings.AtrPeriod}-bar ATR is not ready"));
            }

            return;
        }

        var kelly = _settings.Kelly.Enabled ? KellySizer.RiskFraction(_settings.Kelly, decision.State.Stats) : (decimal?)null;
        var size = VolatilityPositionSizer.Size(
            instrument,
            type,
            new SizingRequest(
                context.Equity,
                context.AvailableBalance,
                context.Leverage,
                context.TakerFeeRate,
                reference,
                stopDistance,
                _settings.RiskPerTrade,
                _settings.MaxNotional,
                kelly));
        if (!size.IsSized)
        {
            Skip(ref decision, context, signal, size.Skip!.Value, size.Detail!);
            return;
        }

        var check = new OrderCheck(side, type, limitPrice, null, size.Quantity)
        {
            MarkPrice = MarkOr(context, bar.Close),
            OpenOrderCount = decision.State.LiveOrderCount(),
        };
        var normalized = InstrumentRules.Normalize(instrument, check);
        if (!normalized.IsValid)
        {
            Skip(ref decision, context, signal, EntrySkipReason.OrderInvalid, normalized.Violation.ToString());
            return;
        }

        var order = normalized.Order;
        var intent = OrderIntent.Create(
            NextId(decision), Id, Symbol, side, type, order.Quantity, price: order.Price, timeInForce: timeInForce);
        decision.Emit(new EntrySignalled(
            Id, Symbol, context.TimestampMs, signal.Kind, signal.Direction, intent, order.Price ?? reference, stopDistance));
        decision.Send(new PlaceOrder(intent, EntryReason(signal)));
    }

    private void ManageEntry(ref VolatilityDecisionBuilder decision, in StrategyContext context)
    {
        if (decision.State.Entry is not { Status: TrackedOrderStatus.Working } entry || !EntryCanRest)
        {
            // A MARKET or IOC entry ends by itself within the venue's matching: asking to cancel it only races its fill,
            // and at replay speeds (or on a slow link) a market-time timeout expires before the answer arrives.
            return;
        }

        var timedOut = context.TimestampMs - decision.State.SignalTimeMs >= (long)_settings.EntryTimeout.TotalMilliseconds;
        if (context.TradingState != TradingState.Active || timedOut)
        {
            var reason = timedOut ? "entry timed out" : "no new entries while the symbol is reducing or halted";
            decision.Emit(new CancelRequested(Id, Symbol, context.TimestampMs, entry.Id, reason));
            decision.Send(new CancelOrder(Symbol, entry.Id, reason));
        }
    }

    // Only a limit entry at the touch (GTC) can rest on the book; the other styles end within the venue's matching.
    private bool EntryCanRest => _settings.EntryOrder == EntryOrderStyle.LimitAtTouch;

    // MARKET by default; a marketable limit goes through the touch by the offset (IOC); a touch limit rests at the best price (GTC).
    private (OrderType Type, decimal? Price, TimeInForce? TimeInForce) EntryOrderFor(Instrument instrument, OrderSide side, decimal close)
    {
        var buy = side == OrderSide.Buy;
        switch (_settings.EntryOrder)
        {
            case EntryOrderStyle.MarketableLimit:
                var far = _lastTicker is { } quote ? (buy ? quote.AskPrice : quote.BidPrice) : close;
                var through = buy ? far * (1m + _settings.MarketableLimitOffset) : far * (1m - _settings.MarketableLimitOffset);
                return (OrderType.Limit, instrument.RoundPriceForSide(side, through), TimeInForce.Ioc);
            case EntryOrderStyle.LimitAtTouch:
                var near = _lastTicker is { } touch ? (buy ? touch.BidPrice : touch.AskPrice) : close;
                return (OrderType.Limit, instrument.RoundPriceForSide(side, near), TimeInForce.Gtc);
            default:
                return (OrderType.Market, null, null);
        }
    }

    private static bool IsNewSkip(in VolatilityDecisionBuilder decision, EntrySkipReason reason) =>
        decision.State.LastSkipReason != reason;

    // Records why a signal was not traded, once per reason until the next entry, so a long trend does not flood the journal.
    private void Skip(ref VolatilityDecisionBuilder decision, in StrategyContext context, EntrySignal signal, EntrySkipReason reason, string detail)
    {
        if (IsNewSkip(decision, reason))
        {
            decision.Emit(new EntrySkipped(Id, Symbol, context.TimestampMs, signal.Kind, signal.Direction, reason, detail));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string EntryReason(EntrySignal signal) => (signal.Kind, signal.Direction) switch
    {
        (SignalKind.Momentum, PositionDirection.Long) => "volatility breakout long entry",
        (SignalKind.Momentum, _) => "volatility breakout short entry",
        (SignalKind.MeanReversion, PositionDirection.Long) => "volatility mean-reversion long entry",
        _ => "volatility mean-reversion short entry",
    };
}
