namespace Rari.Aster.Signing;

/// <summary>
/// The V3 identity (fact sheet §2.3.1): the main wallet <see cref="User"/> whose account trades, and the API
/// wallet <see cref="Signer"/> whose <see cref="PrivateKey"/> signs. They are equal when the main wallet signs
/// for itself, as ccxt does.
/// </summary>
/// <remarks>
/// Invariant: <see cref="Signer"/> is the address of <see cref="PrivateKey"/>. <see cref="ToString"/> shows the
/// two addresses only; the key never appears in it or in any exception message.
/// </remarks>
public sealed record V3Credentials
{
    /// <summary>Environment variable holding the main wallet address.</summary>
    public const string UserVariable = "ASTER_USER";

    /// <summary>Environment variable holding the API wallet address (optional: derived from the key).</summary>
    public const string SignerVariable = "ASTER_SIGNER";

    /// <summary>Environment variable holding the API wallet's private key.</summary>
    public const string PrivateKeyVariable = "ASTER_PRIVATE_KEY";

    /// <summary>Keeps an identity whose signer is the address of <paramref name="privateKey"/>.</summary>
    public V3Credentials(EthAddress user, EthPrivateKey privateKey)
    {
        User = user;
        Signer = privateKey.Address;
        PrivateKey = privateKey;
    }

    /// <summary>Keeps an identity, checking that <paramref name="signer"/> belongs to <paramref name="privateKey"/>.</summary>
    /// <exception cref="ArgumentException">The signer is not the key's address.</exception>
    public V3Credentials(EthAddress user, EthAddress signer, EthPrivateKey privateKey)
        : this(user, privateKey)
    {
        if (signer != privateKey.Address)
        {
            throw new ArgumentException(MismatchMessage("The signer", signer, "the private key", privateKey.Address), nameof(signer));
        }
    }

    /// <summary>The main wallet address (the <c>user</c> parameter).</summary>
    public EthAddress User { get; }

    /// <summary>The API wallet address (the <c>signer</c> parameter), always the address of <see cref="PrivateKey"/>.</summary>
    public EthAddress Signer { get; }

    /// <summary>The API wallet's private key.</summary>
    public EthPrivateKey PrivateKey { get; }

    /// <summary>Whether the main wallet signs for itself (no separate API wallet).</summary>
    public bool IsSelfSigned => User == Signer;

    /// <summary>
    /// Reads <c>ASTER_PRIVATE_KEY</c>, <c>ASTER_USER</c> and <c>ASTER_SIGNER</c> through
    /// <paramref name="getEnvironmentVariable"/> (pass <see cref="Environment.GetEnvironmentVariable(string)"/> in
    /// production). <c>ASTER_SIGNER</c> is optional, and when set must be the key's address. <c>ASTER_USER</c> is
    /// optional too: without it the key's own address is the user (the main wallet signing for itself).
    /// Mixed-case addresses must carry a valid EIP-55 checksum, which catches typos. Surrounding whitespace is
    /// dropped.
    /// </summary>
    /// <exception cref="InvalidOperationException">A variable is missing or unusable; every problem is listed.</exception>
    public static V3Credentials FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var problems = new List<string>();
        var key = ReadKey(getEnvironmentVariable(PrivateKeyVariable), problems);
        var user = ReadAddress(getEnvironmentVariable(UserVariable), UserVariable, problems);
        var signer = ReadAddress(getEnvironmentVariable(SignerVariable), SignerVariable, problems);
        if (key is not null && signer is { } configuredSigner && configuredSigner != key.Address)
        {
            problems.Add(MismatchMessage(SignerVariable, configuredSigner, PrivateKeyVariable, key.Address));
        }

        return problems.Count == 0
            ? new V3Credentials(user ?? key!.Address, key!)
            : throw new InvalidOperationException($"Aster V3 credentials are unusable: {string.Join(" ", problems)}");
    }

    /// <summary>Shows the two addresses; the private key is redacted.</summary>
    public override string ToString() => $"V3Credentials {{ User = {User}, Signer = {Signer}, PrivateKey = [redacted] }}";

    private static EthPrivateKey? ReadKey(string? text, List<string> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            problems.Add($"{PrivateKeyVariable} is not set.");
            return null;
        }

        if (EthPrivateKey.TryParse(text.Trim(), out var key, out var problem))
        {
            return key;
        }

        problems.Add($"{PrivateKeyVariable} is not a private key: {problem}");
        return null;
    }

    private static EthAddress? ReadAddress(string? text, string variable, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (!EthAddress.TryParse(trimmed, out var address, out var problem))
        {
            problems.Add($"{variable} is not an address: {problem}");
            return null;
        }

        if (!EthAddress.HasValidChecksum(trimmed))
        {
            problems.Add($"{variable} mixes upper and lower case but does not match its EIP-55 checksum; check it for a typo.");
            return null;
        }

        return address;
    }

    private static string MismatchMessage(string signerLabel, EthAddress signer, string keyLabel, EthAddress keyAddress) =>
        $"{signerLabel} is {signer} but {keyLabel} belongs to {keyAddress}; the signer must be the address of the key that signs.";
}
