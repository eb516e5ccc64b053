namespace Rari.Aster.Signing;

/// <summary>A V1 parameter string with its HMAC signature, ready to send as the query string or the form body.</summary>
/// <param name="Parameters">The signed text: the business parameters, then <c>recvWindow</c> (if any) and <c>timestamp</c>.</param>
/// <param name="Signature">Lowercase hex HMAC-SHA256 of <paramref name="Parameters"/>.</param>
public sealed record V1SignedRequest(string Parameters, string Signature)
{
    /// <summary>The text to transmit: <see cref="Parameters"/> followed by <c>&amp;signature=…</c>.</summary>
    public string Payload => SignatureParameter.Append(Parameters, Signature);
}
