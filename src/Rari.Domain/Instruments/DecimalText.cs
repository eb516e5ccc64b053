using System.Globalization;

namespace Rari.Domain.Instruments;

/// <summary>Formats decimals for violation messages: invariant culture, the value's own scale.</summary>
internal static class DecimalText
{
    /// <summary>The value as written, e.g. <c>100.05</c> or <c>0.010</c>.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The value as Aster's Java back end prints a number in its messages: no trailing zeros, but at least one
    /// decimal, so 5 reads <c>5.0</c> (as in "no smaller than 5.0") and 0.50 reads <c>0.5</c>.
    /// </summary>
    public static string FormatLikeJava(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
