using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.Backtest.Tests.Engine;

/// <summary>A strategy that fails on the first bar it may trade, to test how failures are reported.</summary>
internal sealed class ThrowingStrategy(Symbol symbol) : ITradingStrategy
{
    public StrategyId Id { get; } = new("broken");

    public Symbol Symbol { get; } = symbol;

    public IReadOnlyCollection<ClientOrderId> OpenOrders => [];

    public void WarmUp(IEnumerable<Kline> closedKlines)
    {
    }

    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context) =>
        throw new ArgumentException("the plan has a negative price");

    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => StrategyDecision.None;

    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context) => StrategyDecision.None;

    public void Apply(IStrategyEvent strategyEvent)
    {
    }

    public IStrategyState Snapshot() => throw new NotSupportedException();

    public void Restore(IStrategyState state) => throw new NotSupportedException();
}
