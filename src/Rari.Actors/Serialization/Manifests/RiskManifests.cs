using Rari.Domain.Risk;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>
/// The risk monitor's events (<c>Risk/RiskEvents.cs</c>), journaled by the risk gate, and <see cref="RiskState"/>, which
/// the gate snapshots (bound to the serializer by its own type in <see cref="RariSerialization.Config"/>).
/// </summary>
internal static class RiskManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<DayStarted>("risk.day-started.v1")
        .Add<DailyBaselineReset>("risk.daily-baseline-reset.v1")
        .Add<EquityPeakRecorded>("risk.equity-peak-recorded.v1")
        .Add<LossReferencesAdjusted>("risk.loss-references-adjusted.v1")
        .Add<TradingHalted>("risk.trading-halted.v1")
        .Add<TradingResumed>("risk.trading-resumed.v1")
        .Add<CircuitBreakerTripped>("risk.circuit-breaker-tripped.v1")
        .Add<CircuitBreakerReset>("risk.circuit-breaker-reset.v1")
        .Add<FlattenOrdered>("risk.flatten-ordered.v1")
        .Add<RiskState>("risk.state.v1");
}
