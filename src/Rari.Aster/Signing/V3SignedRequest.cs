namespace Rari.Aster.Signing;

/// <summary>A V3 message with its EIP-712 signature, ready to send as the query string (GET) or the form body.</summary>
/// <param name="Message">The signed text: business parameters and <c>nonce</c>, <c>user</c>, <c>signer</c>, url-encoded as transmitted.</param>
/// <param name="Nonce">The nonce inside <paramref name="Message"/>, in epoch microseconds.</param>
/// <param name="Signature">The signature over <paramref name="Message"/>.</param>
public sealed record V3SignedRequest(string Message, long Nonce, EthSignature Signature)
{
    /// <summary>The text to transmit: <see cref="Message"/> followed by <c>&amp;signature=0x…</c>.</summary>
    public string Payload => SignatureParameter.Append(Message, Signature.ToHex());
}
