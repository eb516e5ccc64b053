namespace Rari.Aster.Errors;

/// <summary>An error body from Aster, <c>{"code":-1121,"msg":"Invalid symbol."}</c>.</summary>
/// <param name="Code">The error code, or null when the <c>code</c> field was not a number.</param>
/// <param name="Message">The <c>msg</c> text, empty when absent.</param>
public readonly record struct AsterVenueError(int? Code, string Message);
