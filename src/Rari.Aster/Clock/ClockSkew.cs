namespace Rari.Aster.Clock;

/// <summary>
/// One measurement of how far the venue's clock is from ours, as shown by <c>rari check</c>.
/// </summary>
/// <param name="OffsetMs">Server time minus local time, in ms: positive when the server is ahead.</param>
/// <param name="RoundTripMs">The round trip of the sample the offset came from; the offset is accurate to about half of it.</param>
/// <param name="MeasuredAtMs">Local time of the measurement, UTC epoch ms.</param>
/// <param name="Samples">How many <c>/time</c> round trips the measurement took.</param>
public sealed record ClockSkew(long OffsetMs, long RoundTripMs, long MeasuredAtMs, int Samples);
