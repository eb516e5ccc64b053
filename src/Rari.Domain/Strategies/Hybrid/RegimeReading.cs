namespace Rari.Domain.Strategies.Hybrid;

/// <summary>The three numbers the regime detector classifies one bar by.</summary>
/// <param name="EfficiencyRatio">Kaufman's efficiency ratio, 0-1.</param>
/// <param name="Adx">Wilder's average directional index, 0-100.</param>
/// <param name="VolatilityPercentile">Rank of the current realized volatility among its own recent values, 0-1 (ties count half).</param>
public readonly record struct RegimeReading(double EfficiencyRatio, double Adx, double VolatilityPercentile);
