using System.Globalization;

namespace Rari.Domain.Risk;

/// <summary>Formats the numbers in risk verdicts and halt reasons: invariant culture, at most eight decimals, no trailing zeros.</summary>
internal static class RiskText
{
    /// <summary>The value rounded to eight decimals without trailing zeros, e.g. <c>1000</c>, <c>0.0125</c>, <c>-3.5</c>.</summary>
    public static string Number(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage, e.g. 0.1 reads <c>10%</c> and 0.0125 reads <c>1.25%</c>.</summary>
    public static string Percent(decimal fraction) => Number(fraction * 100m) + "%";

    /// <summary>An integer in invariant digits.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Interpolated text in the invariant culture.</summary>
    public static string Of(FormattableString text) => FormattableString.Invariant(text);
}
