namespace Rari.Aster.Sim.Http;

/// <summary>
/// An error reply in Aster's shape, <c>{"code":-1121,"msg":"Invalid symbol."}</c>, with the HTTP status it is sent
/// with (fact sheet §5.1–5.3).
/// </summary>
/// <param name="Code">Aster's negative error code, e.g. −1121.</param>
/// <param name="Message">The <c>msg</c> text.</param>
/// <param name="HttpStatus">4xx for client errors, 429/418 for rate limits, 5xx for server faults.</param>
public sealed record AsterError(int Code, string Message, int HttpStatus = 400);

/// <summary>
/// Thrown by request handling (parameter parsing, authentication) to stop processing and answer with
/// <see cref="Error"/>; the pipeline turns it into the error reply.
/// </summary>
public sealed class AsterErrorException : Exception
{
    /// <summary>Wraps an error reply.</summary>
    public AsterErrorException(AsterError error)
        : base(error.Message) => Error = error;

    /// <summary>Not used: an Aster error needs a code.</summary>
    public AsterErrorException()
        : this(AsterErrors.Unknown("An unknown error occurred while processing the request."))
    {
    }

    /// <summary>An unknown error (−1000) with the given text.</summary>
    public AsterErrorException(string message)
        : this(AsterErrors.Unknown(message))
    {
    }

    /// <summary>An unknown error (−1000) with the given text and cause.</summary>
    public AsterErrorException(string message, Exception innerException)
        : base(message, innerException) => Error = AsterErrors.Unknown(message);

    /// <summary>The reply to send.</summary>
    public AsterError Error { get; }
}
