namespace Rari.Aster.Signing;

/// <summary>Why a request signature was refused; the simulator maps these to Aster error codes.</summary>
public enum SignatureFailure
{
    /// <summary>The signature is valid.</summary>
    None = 0,

    /// <summary>No <c>signature</c> parameter was sent.</summary>
    Missing = 1,

    /// <summary>Not decodable: wrong length, non-hex characters, bad v, or r/s out of range.</summary>
    Malformed = 2,

    /// <summary>s is in the upper half of the curve order (the malleable twin of a valid signature).</summary>
    HighS = 3,

    /// <summary>Well-formed, but no public key can be recovered from it for this digest.</summary>
    Unrecoverable = 4,

    /// <summary>Valid on its own, but made by another key or over other text than the one checked.</summary>
    Mismatch = 5,
}

/// <summary>
/// The outcome of checking a V1 HMAC or V3 EIP-712 signature: valid, or refused with a reason fit for an
/// operator's log and an error reply.
/// </summary>
/// <param name="Failure">What went wrong, or <see cref="SignatureFailure.None"/>.</param>
/// <param name="Reason">One sentence on why the signature was refused; empty when it is valid.</param>
/// <param name="RecoveredSigner">For V3, the address the signature recovers to, when recovery succeeded.</param>
public sealed record SignatureVerification(SignatureFailure Failure, string Reason, EthAddress? RecoveredSigner)
{
    /// <summary>Whether the signature was accepted.</summary>
    public bool IsValid => Failure == SignatureFailure.None;

    /// <summary>An accepted signature, with the recovered signer for V3.</summary>
    public static SignatureVerification Valid(EthAddress? recoveredSigner = null) =>
        new(SignatureFailure.None, string.Empty, recoveredSigner);

    /// <summary>A refused signature.</summary>
    public static SignatureVerification Invalid(SignatureFailure failure, string reason, EthAddress? recoveredSigner = null) =>
        new(failure, reason, recoveredSigner);
}
