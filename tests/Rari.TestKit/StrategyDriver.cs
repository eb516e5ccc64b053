using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.TestKit;

/// <summary>
/// Drives a strategy like its host: every decision's events are applied (and recorded, as a journal would) before the
/// next input, and its commands recorded.
/// </summary>
/// <param name="strategy">The strategy to drive.</param>
public sealed class StrategyDriver(ITradingStrategy strategy)
{
    /// <summary>The driven strategy.</summary>
    public ITradingStrategy Strategy { get; } = strategy;

    /// <summary>Every event applied so far, in order: the journal.</summary>
    public List<IStrategyEvent> Events { get; } = [];

    /// <summary>Every command decided so far, in order.</summary>
    public List<StrategyCommand> Commands { get; } = [];

    /// <summary>Every input with its context and the decision it produced, in order, for replaying into another instance.</summary>
    public List<(object Input, StrategyContext Context, StrategyDecision Decision)> Inputs { get; } = [];

    /// <summary>Feeds a closed bar and folds the decision.</summary>
    public StrategyDecision Kline(in Kline bar, StrategyContext context) => Fold(bar, context, Strategy.OnKline(bar, context));

    /// <summary>Feeds an order event and folds the decision.</summary>
    public StrategyDecision Order(IOrderEvent orderEvent, StrategyContext context) => Fold(orderEvent, context, Strategy.OnOrderEvent(orderEvent, context));

    /// <summary>Feeds a book ticker and folds the decision.</summary>
    public StrategyDecision Ticker(BookTicker ticker, StrategyContext context) => Fold(ticker, context, Strategy.OnBookTicker(ticker, context));

    /// <summary>Feeds one recorded input to <paramref name="other"/> and returns its decision (folded into it).</summary>
    public static StrategyDecision Replay(ITradingStrategy other, object input, StrategyContext context)
    {
        var decision = input switch
        {
            Kline bar => other.OnKline(bar, context),
            IOrderEvent orderEvent => other.OnOrderEvent(orderEvent, context),
            BookTicker ticker => other.OnBookTicker(ticker, context),
            _ => throw new ArgumentException($"Unknown input {input.GetType().Name}.", nameof(input)),
        };
        foreach (var strategyEvent in decision.Events)
        {
            other.Apply(strategyEvent);
        }

        return decision;
    }

    private StrategyDecision Fold(object input, StrategyContext context, StrategyDecision decision)
    {
        Inputs.Add((input, context, decision));
        foreach (var strategyEvent in decision.Events)
        {
            Strategy.Apply(strategyEvent);
            Events.Add(strategyEvent);
        }

        Commands.AddRange(decision.Commands);
        return decision;
    }
}
