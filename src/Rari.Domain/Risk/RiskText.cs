using System.Globalization;
using System.Runtime.CompilerServices;

namespace Rari.Domain.Risk;

/// <summary>Formats the numbers in risk verdicts and halt reasons: invariant culture, at most eight decimals, no trailing zeros.</summary>
internal static class RiskText
{
    /// <summary>How every decimal in a reason reads: rounded to eight decimals, trailing zeros dropped.</summary>
    public const string DecimalFormat = "0.########";

    /// <summary>The value rounded to eight decimals without trailing zeros, e.g. <c>1000</c>, <c>0.0125</c>, <c>-3.5</c>.</summary>
    public static string Number(decimal value) => value.ToString(DecimalFormat, CultureInfo.InvariantCulture);

    /// <summary>An integer in invariant digits.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage, e.g. 0.1 reads <c>10%</c> and 0.0125 reads <c>1.25%</c>.</summary>
    public static string Percent(decimal fraction) => Number(fraction * 100m) + "%";

    /// <summary>
    /// Interpolated text in the invariant culture, decimals written as <see cref="Number(decimal)"/> writes them, built
    /// in one buffer without boxing (reasons are made on every check, so they should cost little).
    /// </summary>
    public static string Of(ref Invariant text) => text.ToStringAndClear();

    /// <summary>The interpolation handler behind <see cref="Of"/>.</summary>
    [InterpolatedStringHandler]
    internal ref struct Invariant
    {
        private DefaultInterpolatedStringHandler _inner;

        public Invariant(int literalLength, int formattedCount) =>
            _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted(decimal value) => _inner.AppendFormatted(value, DecimalFormat);

        public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        public string ToStringAndClear() => _inner.ToStringAndClear();
    }
}
