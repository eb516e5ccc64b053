using Rari.Aster.Signing;
using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Auth;

/// <summary>
/// Checks a request's credentials exactly as Aster does (fact sheet §2), for the endpoint's security type and the
/// path's signing family, and names the account they belong to. Every refusal is an <see cref="AsterErrorException"/>
/// carrying Aster's code.
/// </summary>
/// <remarks>
/// <para>V1, in order: API-key header (−2014 missing or malformed, −2015 unknown); for signed endpoints a
/// <c>signature</c> (−1102), a <c>timestamp</c> (−1102) and a <c>recvWindow</c> of 1–60000 ms, default 5000 (−1130);
/// the window rule <c>timestamp &lt; now + 1000</c> and <c>now − timestamp ≤ recvWindow</c> (−1021); then the HMAC over
/// the raw query followed directly by the raw body (−1022).</para>
/// <para>V3, in order: <c>user</c>, <c>signer</c>, <c>nonce</c>, <c>signature</c> present and well formed (−1102); the
/// nonce within ±10 s of server time (−4225 "Nonce Expired"); the EIP-712 signature over the exact transmitted text
/// before <c>&amp;signature=</c>, recovering to <c>signer</c> (−1022); the user known (−2015) and the signer the user
/// itself or one of its approved agents (−1002); finally the nonce not used before by that user (−4225, the code the
/// docs show for nonce problems; a replay is never accepted). A V3 <c>timestamp</c>/<c>recvWindow</c>, which the
/// older docs mention, is covered by the signature and otherwise ignored.</para>
/// <para>Server time is the wall clock of the <see cref="TimeProvider"/>.</para>
/// </remarks>
internal sealed class Authenticator(AccountBook accounts, TimeProvider time, long chainId, NonceLedger nonces)
{
    /// <summary>The default <c>recvWindow</c>, in milliseconds.</summary>
    public const long DefaultRecvWindowMs = 5_000;

    /// <summary>How far a V3 nonce may be from server time, in microseconds (±10 s).</summary>
    public const long NonceToleranceMicros = 10_000_000;

    /// <summary>The account the request's credentials name (null for public endpoints), and the scheme used.</summary>
    /// <param name="route">The endpoint called.</param>
    /// <param name="parameters">The request's parameters, with the raw query and body.</param>
    /// <param name="apiKeyHeader">The <c>X-MBX-APIKEY</c> header, or null.</param>
    /// <exception cref="AsterErrorException">The credentials are refused.</exception>
    public (SimAccount? Account, AuthScheme Scheme) Authenticate(Route route, RequestParameters parameters, string? apiKeyHeader)
    {
        var scheme = SchemeOf(route.Path, parameters, apiKeyHeader);
        return scheme == AuthScheme.V3
            ? (AuthenticateV3(route, parameters), scheme)
            : (AuthenticateV1(route.Security, parameters, apiKeyHeader), scheme);
    }

    /// <summary>
    /// V3 paths are always V3. Other paths are V1, except a request without an API-key header that carries a V3
    /// <c>user</c>: ccxt calls <c>/fapi/v4/account</c> that way (fact sheet §1.2).
    /// </summary>
    private static AuthScheme SchemeOf(string path, RequestParameters parameters, string? apiKeyHeader) =>
        path.StartsWith("/fapi/v3/", StringComparison.Ordinal)
        || (string.IsNullOrEmpty(apiKeyHeader) && parameters.Contains("user") && parameters.Contains("nonce"))
            ? AuthScheme.V3
            : AuthScheme.V1;

    private SimAccount? AuthenticateV1(SecurityType security, RequestParameters parameters, string? apiKey)
    {
        if (security == SecurityType.None)
        {
            return null;
        }

        if (string.IsNullOrEmpty(apiKey) || apiKey.Any(c => c <= ' ' || c > '~'))
        {
            throw new AsterErrorException(AsterErrors.ApiKeyFormat());
        }

        var account = accounts.ByApiKey(apiKey) ?? throw new AsterErrorException(AsterErrors.RejectedKey());
        if (security is SecurityType.MarketData or SecurityType.UserStream)
        {
            return account;
        }

        if (!SignatureParameter.TrySplit(parameters.RawBody, out _, out _) && !SignatureParameter.TrySplit(parameters.RawQuery, out _, out _))
        {
            throw new AsterErrorException(AsterErrors.MandatoryParameter(SignatureParameter.Name));
        }

        var timestamp = parameters.RequiredLong("timestamp");
        var recvWindow = parameters.OptionalLong("recvWindow") ?? DefaultRecvWindowMs;
        if (recvWindow is <= 0 or > HmacSigner.MaxRecvWindowMs)
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("recvWindow", "it must be between 1 and 60000 milliseconds."));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (timestamp >= now + 1000)
        {
            throw new AsterErrorException(AsterErrors.TimestampAhead());
        }

        if (now - timestamp > recvWindow)
        {
            throw new AsterErrorException(AsterErrors.TimestampOutsideWindow());
        }

        var verification = new HmacSigner(account.V1!).Verify(parameters.RawQuery, parameters.RawBody);
        return verification.IsValid ? account : throw new AsterErrorException(AsterErrors.InvalidSignature());
    }

    private SimAccount? AuthenticateV3(Route route, RequestParameters parameters)
    {
        if (route.Security is SecurityType.None or SecurityType.MarketData)
        {
            return null;
        }

        var user = Address(parameters, "user");
        var nonce = parameters.RequiredLong("nonce");
        if (!TrySignedPart(parameters, out var message, out var signature))
        {
            throw new AsterErrorException(AsterErrors.MandatoryParameter(SignatureParameter.Name));
        }

        var nowMicros = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        if (Math.Abs(nonce - nowMicros) > NonceToleranceMicros)
        {
            throw new AsterErrorException(AsterErrors.NonceExpired());
        }

        SimAccount account;
        if (route.MainWalletStruct is { } buildStruct)
        {
            // Main-wallet actions (approveBuilder): typed data signed by the user itself under signatureChainId.
            var signatureChainId = parameters.RequiredLong("signatureChainId");
            var typed = Build(buildStruct, parameters);
            var recovered = V3SignatureVerifier.RecoverSigner(AsterEip712.StructDigest(typed, signatureChainId), signature);
            if (!recovered.IsValid || recovered.RecoveredSigner != user)
            {
                throw new AsterErrorException(AsterErrors.InvalidSignature());
            }

            account = accounts.ByUser(user) ?? throw new AsterErrorException(AsterErrors.RejectedKey());
        }
        else
        {
            var signer = Address(parameters, "signer");
            if (!V3SignatureVerifier.VerifyV3(message, signature, signer, chainId).IsValid)
            {
                throw new AsterErrorException(AsterErrors.InvalidSignature());
            }

            account = accounts.ByUser(user) ?? throw new AsterErrorException(AsterErrors.RejectedKey());
            if (!account.MaySign(signer))
            {
                throw new AsterErrorException(AsterErrors.Unauthorized($"Signer {signer} is not an approved API wallet of user {user}."));
            }
        }

        return nonces.TryUse(user, nonce) switch
        {
            NonceVerdict.Accepted => account,
            NonceVerdict.Duplicate => throw new AsterErrorException(AsterErrors.NonceReused()),
            _ => throw new AsterErrorException(AsterErrors.NonceExpired()),
        };
    }

    /// <summary>
    /// The signed text and the signature: from the body when the body ends with the signature (ccxt, docs), else from
    /// the query string (the docs' <c>send_by_url</c> puts everything in the query of a POST).
    /// </summary>
    private static bool TrySignedPart(RequestParameters parameters, out string message, out string signature)
    {
        if (SignatureParameter.TrySplit(parameters.RawBody, out var bodyMessage, out var bodySignature))
        {
            (message, signature) = (bodyMessage, bodySignature);
            return true;
        }

        if (SignatureParameter.TrySplit(parameters.RawQuery, out var queryMessage, out var querySignature))
        {
            (message, signature) = (queryMessage, querySignature);
            return true;
        }

        (message, signature) = (string.Empty, string.Empty);
        return false;
    }

    private static EthAddress Address(RequestParameters parameters, string name) =>
        EthAddress.TryParse(parameters.Required(name), out var address)
            ? address
            : throw new AsterErrorException(AsterErrors.MandatoryParameter(name));

    private static Eip712Struct Build(Func<RequestParameters, Eip712Struct> buildStruct, RequestParameters parameters)
    {
        try
        {
            return buildStruct(parameters);
        }
        catch (ArgumentException)
        {
            throw new AsterErrorException(AsterErrors.InvalidSignature());
        }
    }
}
