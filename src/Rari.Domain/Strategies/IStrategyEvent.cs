using Rari.Domain.Identifiers;

namespace Rari.Domain.Strategies;

/// <summary>
/// A decision a strategy made, journaled by its actor and folded into the strategy's state by
/// <see cref="ITradingStrategy.Apply"/>, both live and on recovery. Raw market data is never an event.
/// </summary>
public interface IStrategyEvent : IWithSymbol
{
    /// <summary>The strategy that decided.</summary>
    StrategyId StrategyId { get; }

    /// <summary>When it decided (market time of the input that caused it), UTC epoch milliseconds.</summary>
    long TimestampMs { get; }
}
