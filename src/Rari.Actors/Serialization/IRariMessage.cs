namespace Rari.Actors.Serialization;

/// <summary>
/// Marks every message of the actor layer that is journaled or may cross the cluster, so one serializer binding covers
/// them all (the Domain's journaled families are bound by their own interfaces: <c>IStrategyEvent</c>,
/// <c>IOrderEvent</c>, <c>IRiskEvent</c>, <c>IStrategyState</c>).
/// </summary>
public interface IRariMessage;
