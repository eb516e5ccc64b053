namespace Rari.Venue.Commands;

/// <summary>
/// A refused command, as Aster reports it: <c>{"code": Code, "msg": Message}</c>. The server sends it as the error
/// body; the backtester hands it to the strategy as a rejection.
/// </summary>
/// <param name="Code">Aster's numeric error code, e.g. −2019 (margin is insufficient).</param>
/// <param name="Message">The text Aster puts in <c>msg</c>.</param>
public sealed record VenueError(int Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Code} {Message}");
}
