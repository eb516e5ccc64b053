using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.Backtest.Tests.Engine;

/// <summary>A strategy that never decides anything: what a run costs without a strategy's own work.</summary>
internal sealed class IdleStrategy(Symbol symbol) : ITradingStrategy
{
    public StrategyId Id { get; } = new("idle");

    public Symbol Symbol { get; } = symbol;

    public IReadOnlyCollection<ClientOrderId> OpenOrders => [];

    public void WarmUp(IEnumerable<Kline> closedKlines)
    {
    }

    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context) => StrategyDecision.None;

    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => StrategyDecision.None;

    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context) => StrategyDecision.None;

    public void Apply(IStrategyEvent strategyEvent)
    {
    }

    public IStrategyState Snapshot() => throw new NotSupportedException();

    public void Restore(IStrategyState state) => throw new NotSupportedException();
}
