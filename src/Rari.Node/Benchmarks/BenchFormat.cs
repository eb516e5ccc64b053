using System.Globalization;

namespace Rari.Node.Benchmarks;

/// <summary>How figures are printed: rates with M/k, durations in the unit that reads best.</summary>
internal static class BenchFormat
{
    /// <summary>A rate, e.g. "1.23 M klines/s".</summary>
    public static string Rate(double perSecond, string unit) => perSecond switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.00} M {unit}/s"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:0.0} k {unit}/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond:0} {unit}/s"),
    };

    /// <summary>A duration given in microseconds, e.g. "850 µs" or "1.20 ms".</summary>
    public static string Micros(double micros) => micros >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{micros / 1000:0.00} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{micros:0} µs");

    /// <summary>Bytes as MiB, e.g. "312 MiB".</summary>
    public static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MiB");

    /// <summary>A plain number with invariant formatting.</summary>
    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
