namespace Rari.Actors.Hosting;

/// <summary>The distributed pub-sub topics the actors publish on; one name per kind of broadcast.</summary>
public static class Topics
{
    /// <summary>Account views (<see cref="Execution.AccountChanged"/>) from the exchange gateway.</summary>
    public const string Account = "rari.account";

    /// <summary>Trading-state changes (<see cref="Risk.TradingStateChanged"/>) from the risk gate.</summary>
    public const string TradingState = "rari.trading-state";

    /// <summary>Domain order events (fills, cancels...) as they happen, for read models; never used for routing.</summary>
    public const string OrderEvents = "rari.order-events";
}
