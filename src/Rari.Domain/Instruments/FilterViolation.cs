namespace Rari.Domain.Instruments;

/// <summary>
/// Why an order breaks a symbol filter: the filter, Aster's error code and wire message, and a plain explanation of
/// what is wrong and what would be valid.
/// </summary>
/// <remarks>
/// The simulated exchange replies <c>{"code": AsterCode, "msg": Message}</c>; the risk gate denies with
/// <see cref="Detail"/> so an operator sees the numbers.
/// </remarks>
/// <param name="Filter">The filter that rejected the order.</param>
/// <param name="Code">Aster's error code.</param>
/// <param name="Message">The exact text Aster puts in the error's <c>msg</c>.</param>
/// <param name="Detail">What is wrong and what would be valid, with the numbers, e.g. the two nearest valid prices.</param>
public sealed record FilterViolation(FilterType Filter, FilterErrorCode Code, string Message, string Detail)
{
    /// <summary>The numeric Aster error code, e.g. −4014.</summary>
    public int AsterCode => (int)Code;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Filter.ToAsterName()} {AsterCode} {Code.ToAsterName()}: {Detail}";
}
