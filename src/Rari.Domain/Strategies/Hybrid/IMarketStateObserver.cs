using Rari.Domain.Market;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// A strategy that can take one closed bar into its market state without deciding anything, without allocating. The
/// hybrid strategy feeds every bar to its inactive child this way, so that the child is warm when its regime comes.
/// </summary>
/// <remarks>
/// Optional: for a child without it the hybrid calls <see cref="ITradingStrategy.WarmUp"/> with a one-bar sequence,
/// which is equivalent but allocates an enumerator per bar. Proposed as a minimal addition to the strategy contract.
/// </remarks>
public interface IMarketStateObserver
{
    /// <summary>Takes a closed bar into the market state; decides nothing and changes no decision state.</summary>
    void Observe(in Kline closedKline);
}
