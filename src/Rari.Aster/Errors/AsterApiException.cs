using System.Globalization;

namespace Rari.Aster.Errors;

/// <summary>
/// An Aster call failed: the venue answered with an error (its <see cref="Code"/> and <see cref="VenueMessage"/>),
/// refused us (rate limit, ban, firewall), or the outcome is unknown. <see cref="Category"/> says what to do next.
/// </summary>
/// <remarks>
/// The message names the method, path, HTTP status, code and the venue's text; it never holds parameters,
/// signatures or credentials.
/// </remarks>
public class AsterApiException : Exception
{
    /// <summary>Creates an exception with no venue details (category <see cref="AsterErrorCategory.Other"/>).</summary>
    public AsterApiException()
    {
    }

    /// <summary>Creates an exception with a message and no venue details.</summary>
    public AsterApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause, and no venue details.</summary>
    public AsterApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a failed call.</summary>
    /// <param name="category">What kind of failure it is.</param>
    /// <param name="method">The HTTP method, e.g. POST.</param>
    /// <param name="path">The request path, e.g. <c>/fapi/v3/order</c>.</param>
    /// <param name="httpStatus">The HTTP status, or null when no response arrived.</param>
    /// <param name="code">Aster's error code, or null when the body held none.</param>
    /// <param name="venueMessage">Aster's error text, or a description of the transport failure.</param>
    /// <param name="requestTimeMs">The server time (estimated) at which the request was signed, or null.</param>
    /// <param name="innerException">The transport exception behind it, if any.</param>
    public AsterApiException(
        AsterErrorCategory category,
        string method,
        string path,
        int? httpStatus,
        int? code,
        string? venueMessage,
        long? requestTimeMs = null,
        Exception? innerException = null)
        : base(Describe(category, method, path, httpStatus, code, venueMessage), innerException)
    {
        Category = category;
        Method = method;
        Path = path;
        HttpStatus = httpStatus;
        Code = code;
        VenueMessage = venueMessage;
        RequestTimeMs = requestTimeMs;
    }

    /// <summary>What kind of failure it is.</summary>
    public AsterErrorCategory Category { get; }

    /// <summary>The HTTP method of the failed request.</summary>
    public string Method { get; } = string.Empty;

    /// <summary>The path of the failed request, e.g. <c>/fapi/v3/order</c>.</summary>
    public string Path { get; } = string.Empty;

    /// <summary>The HTTP status, or null when no response arrived (timeout, connection failure).</summary>
    public int? HttpStatus { get; }

    /// <summary>Aster's error code (negative), or null when there was none.</summary>
    public int? Code { get; }

    /// <summary>Aster's error text (<c>msg</c>), or a description of the transport failure.</summary>
    public string? VenueMessage { get; }

    /// <summary>The estimated server time, in epoch ms, at which the request was signed; used to bound its acceptance window.</summary>
    public long? RequestTimeMs { get; }

    /// <summary>Whether the request may have been executed although it failed (see <see cref="AsterErrorCategory.UnknownExecutionStatus"/>).</summary>
    public bool IsExecutionUnknown => Category == AsterErrorCategory.UnknownExecutionStatus;

    private static string Describe(AsterErrorCategory category, string method, string path, int? httpStatus, int? code, string? venueMessage)
    {
        var status = httpStatus is { } s ? $"HTTP {s.ToString(CultureInfo.InvariantCulture)}" : "no response";
        var codeText = code is { } c ? $", code {c.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        var text = string.IsNullOrEmpty(venueMessage) ? string.Empty : $": {venueMessage}";
        return $"Aster {method} {path} failed ({category}): {status}{codeText}{text}";
    }
}
