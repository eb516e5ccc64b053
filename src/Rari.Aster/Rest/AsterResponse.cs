namespace Rari.Aster.Rest;

/// <summary>A successful answer: the JSON body and when the request was signed.</summary>
/// <param name="StatusCode">The HTTP status (2xx).</param>
/// <param name="Body">The raw JSON body, UTF-8.</param>
/// <param name="RequestTimeMs">The estimated server time at which the request was signed (V1 timestamp, V3 nonce), or null for unsigned requests.</param>
public sealed record AsterResponse(int StatusCode, ReadOnlyMemory<byte> Body, long? RequestTimeMs);
