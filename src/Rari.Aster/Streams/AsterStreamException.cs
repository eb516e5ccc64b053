namespace Rari.Aster.Streams;

/// <summary>
/// The venue refused a live-subscription request (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS) with one of the codes of
/// fact sheet §4.2, e.g. code 2 for an unknown stream name.
/// </summary>
public class AsterStreamException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public AsterStreamException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public AsterStreamException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public AsterStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a refused request.</summary>
    /// <param name="method">The request, e.g. SUBSCRIBE.</param>
    /// <param name="code">The venue's code: 0 unknown property, 1 invalid value type, 2 invalid request, 3 invalid JSON.</param>
    /// <param name="venueMessage">The venue's text.</param>
    public AsterStreamException(string method, int code, string? venueMessage)
        : base($"Aster refused {method}: code {code}: {venueMessage}")
    {
        Method = method;
        Code = code;
        VenueMessage = venueMessage;
    }

    /// <summary>The refused request, e.g. SUBSCRIBE.</summary>
    public string Method { get; } = string.Empty;

    /// <summary>The venue's code, or null when the exception carries no venue answer.</summary>
    public int? Code { get; }

    /// <summary>The venue's text.</summary>
    public string? VenueMessage { get; }
}

/// <summary>The connection closed before the venue answered a request; the caller retries on the next connection.</summary>
internal sealed class StreamConnectionLostException(string reason) : Exception($"The stream connection closed before the answer arrived: {reason}");
