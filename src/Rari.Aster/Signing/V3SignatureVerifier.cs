namespace Rari.Aster.Signing;

/// <summary>
/// Server-side V3 checks for the simulated exchange: recover the signer of a digest (<c>ecrecover</c>) and verify
/// a request's signature against the <c>signer</c> it claims (fact sheet §2.3.4 and the vectors' verification
/// recipe).
/// </summary>
/// <remarks>
/// Never throws on bad input from the wire: a malformed, high-s or forged signature comes back as an invalid
/// <see cref="SignatureVerification"/> whose reason says what is wrong. Whether the signer may act for the
/// <c>user</c> (self or approved agent) is the caller's check.
/// </remarks>
public static class V3SignatureVerifier
{
    /// <summary>Recovers the address that signed a 32-byte digest.</summary>
    /// <returns>Valid with <see cref="SignatureVerification.RecoveredSigner"/> set, or the reason recovery failed.</returns>
    public static SignatureVerification RecoverSigner(ReadOnlySpan<byte> digest, string? signature)
    {
        if (digest.Length != Keccak256.HashLength)
        {
            throw new ArgumentException($"The digest has {Keccak256.HashLength} bytes, not {digest.Length}.", nameof(digest));
        }

        if (!EthSignature.TryParse(signature, out var parsed, out var failure, out var reason))
        {
            return SignatureVerification.Invalid(failure, reason);
        }

        return parsed.TryRecoverAddress(digest, out var address)
            ? SignatureVerification.Valid(address)
            : SignatureVerification.Invalid(SignatureFailure.Unrecoverable, "No public key matches this signature for the signed text.");
    }

    /// <summary>
    /// Verifies that <paramref name="signature"/> over the request message <paramref name="message"/> was made by
    /// <paramref name="expectedSigner"/> under the domain of <paramref name="chainId"/>.
    /// </summary>
    /// <param name="message">The received parameter text without <c>&amp;signature=…</c>, byte for byte.</param>
    /// <param name="signature">The received signature text.</param>
    /// <param name="expectedSigner">The <c>signer</c> the request names.</param>
    /// <param name="chainId">The domain's chain id (1666 mainnet, 714 testnet).</param>
    public static SignatureVerification VerifyV3(string message, string? signature, EthAddress expectedSigner, long chainId)
    {
        var recovered = RecoverSigner(AsterEip712.MessageDigest(message, chainId), signature);
        if (!recovered.IsValid || recovered.RecoveredSigner == expectedSigner)
        {
            return recovered;
        }

        return SignatureVerification.Invalid(
            SignatureFailure.Mismatch,
            $"The signature recovers to {recovered.RecoveredSigner}, not to the signer {expectedSigner}.",
            recovered.RecoveredSigner);
    }

    /// <summary>
    /// Verifies a raw received query string or body whose last parameter is <c>signature</c>; the text before it
    /// is the message.
    /// </summary>
    public static SignatureVerification VerifyV3Payload(string? rawParameters, EthAddress expectedSigner, long chainId) =>
        SignatureParameter.TrySplit(rawParameters, out var message, out var signature)
            ? VerifyV3(message, signature, expectedSigner, chainId)
            : SignatureVerification.Invalid(SignatureFailure.Missing, "No signature parameter ends the parameters.");
}
