namespace Rari.Aster.Signing;

/// <summary>
/// A V1 API key and its HMAC secret (fact sheet §2.2). Existing V1 keys keep working; new ones can no longer be
/// created, so V3 is the default scheme.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> shows only the start of the key; the secret never appears in it or in any exception
/// message.
/// </remarks>
public sealed record V1Credentials
{
    /// <summary>Environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "ASTER_API_KEY";

    /// <summary>Environment variable holding the API secret.</summary>
    public const string ApiSecretVariable = "ASTER_API_SECRET";

    /// <summary>Checks and keeps a key pair.</summary>
    /// <exception cref="ArgumentException">Either value is empty or holds whitespace or non-printable characters.</exception>
    public V1Credentials(string apiKey, string apiSecret)
    {
        if (CredentialText.TokenProblem(apiKey, "The API key") is { } keyProblem)
        {
            throw new ArgumentException(keyProblem, nameof(apiKey));
        }

        if (CredentialText.TokenProblem(apiSecret, "The API secret") is { } secretProblem)
        {
            throw new ArgumentException(secretProblem, nameof(apiSecret));
        }

        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    /// <summary>The API key, sent in the <c>X-MBX-APIKEY</c> header.</summary>
    public string ApiKey { get; }

    /// <summary>The secret that keys the HMAC; it is never sent.</summary>
    public string ApiSecret { get; }

    /// <summary>
    /// Reads <c>ASTER_API_KEY</c> and <c>ASTER_API_SECRET</c> through <paramref name="getEnvironmentVariable"/>
    /// (pass <see cref="Environment.GetEnvironmentVariable(string)"/> in production). Surrounding whitespace, such
    /// as the line break an env file leaves, is dropped; whitespace inside a value is an error.
    /// </summary>
    /// <exception cref="InvalidOperationException">A variable is missing or unusable; every problem is listed.</exception>
    public static V1Credentials FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var apiKey = getEnvironmentVariable(ApiKeyVariable)?.Trim();
        var apiSecret = getEnvironmentVariable(ApiSecretVariable)?.Trim();
        var problems = new[]
            {
                CredentialText.TokenProblem(apiKey, ApiKeyVariable),
                CredentialText.TokenProblem(apiSecret, ApiSecretVariable),
            }
            .OfType<string>()
            .ToArray();
        return problems.Length == 0
            ? new V1Credentials(apiKey!, apiSecret!)
            : throw new InvalidOperationException($"Aster V1 credentials are unusable: {string.Join(" ", problems)}");
    }

    /// <summary>Names the key by its first characters; the secret is redacted.</summary>
    public override string ToString() =>
        $"V1Credentials {{ ApiKey = {CredentialText.Abbreviate(ApiKey)}, ApiSecret = [redacted] }}";
}
