using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.Backtest.Tests.Engine;

/// <summary>
/// A strategy that places what its script asks for at each closed bar (nothing when the script returns null) and
/// records every order event it receives, with the time: to watch what the risk gate lets through.
/// </summary>
internal sealed class ScriptedStrategy(Symbol symbol, Func<Kline, StrategyContext, Func<ClientOrderId>, OrderIntent?> script) : ITradingStrategy
{
    private readonly ClientOrderIdFactory _ids = new();
    private long _sequence;

    public StrategyId Id { get; } = new("script");

    public Symbol Symbol { get; } = symbol;

    public IReadOnlyCollection<ClientOrderId> OpenOrders => [];

    public List<(long TimeMs, IOrderEvent Event)> Received { get; } = [];

    public List<(long TimeMs, OrderIntent Intent)> Placed { get; } = [];

    public void WarmUp(IEnumerable<Kline> closedKlines)
    {
    }

    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context)
    {
        if (script(closedKline, context, () => _ids.Create(Id, Symbol, ++_sequence)) is not { } intent)
        {
            return StrategyDecision.None;
        }

        Placed.Add((context.TimestampMs, intent));
        return new StrategyDecision([], [new PlaceOrder(intent, "scripted")]);
    }

    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => StrategyDecision.None;

    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context)
    {
        Received.Add((context.TimestampMs, orderEvent));
        return StrategyDecision.None;
    }

    public void Apply(IStrategyEvent strategyEvent)
    {
    }

    public IStrategyState Snapshot() => throw new NotSupportedException();

    public void Restore(IStrategyState state) => throw new NotSupportedException();
}
