using System.Security.Cryptography;
using Rari.Aster.Signing;

namespace Rari.Aster.Sim.Accounts;

/// <summary>The simulator's accounts, found by name, by V1 API key or by V3 user address.</summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class AccountBook
{
    private readonly Dictionary<string, SimAccount> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimAccount> _byApiKey = new(StringComparer.Ordinal);
    private readonly Dictionary<EthAddress, SimAccount> _byUser = [];

    /// <summary>Indexes the accounts.</summary>
    /// <exception cref="ArgumentException">Two accounts share a name, an API key or a V3 user.</exception>
    public AccountBook(IEnumerable<SimAccount> accounts)
    {
        foreach (var account in accounts)
        {
            if (!_byName.TryAdd(account.Name, account))
            {
                throw new ArgumentException($"Two accounts are named '{account.Name}'.", nameof(accounts));
            }

            if (account.V1 is { } v1 && !_byApiKey.TryAdd(v1.ApiKey, account))
            {
                throw new ArgumentException($"Account '{account.Name}' reuses another account's API key.", nameof(accounts));
            }

            if (account.V3User is { } user && !_byUser.TryAdd(user, account))
            {
                throw new ArgumentException($"Account '{account.Name}' reuses another account's V3 user {user}.", nameof(accounts));
            }
        }

        All = [.. _byName.Values];
    }

    /// <summary>Every account, in the order given.</summary>
    public IReadOnlyList<SimAccount> All { get; }

    /// <summary>The account with this name, or null.</summary>
    public SimAccount? ByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The account whose V1 API key this is, or null.</summary>
    public SimAccount? ByApiKey(string apiKey) => _byApiKey.GetValueOrDefault(apiKey);

    /// <summary>The account whose V3 main wallet this is, or null.</summary>
    public SimAccount? ByUser(EthAddress user) => _byUser.GetValueOrDefault(user);
}

/// <summary>
/// The credentials of the demo account created when no accounts file is given: fresh random V1 key and secret and a
/// fresh random V3 key pair whose address is the user (it signs for itself). The caller prints them.
/// </summary>
/// <param name="Account">The account as the simulator knows it.</param>
/// <param name="V1">The V1 API key and secret.</param>
/// <param name="PrivateKeyHex">The V3 private key, <c>0x</c> + 64 hex digits: the demo's only copy.</param>
public sealed record DemoCredentials(SimAccount Account, V1Credentials V1, string PrivateKeyHex)
{
    /// <summary>The V3 user (and signer) address.</summary>
    public EthAddress User => Account.V3User!.Value;

    /// <summary>Creates a demo account named <paramref name="name"/> with <paramref name="balance"/> USDT.</summary>
    public static DemoCredentials Create(string name = "demo", decimal balance = 10_000m)
    {
        var v1 = new V1Credentials(RandomHex(32), RandomHex(32));
        while (true)
        {
            // A random 32-byte value is a valid secp256k1 key except with probability ~2^-128; retry if not.
            var bytes = RandomNumberGenerator.GetBytes(32);
            try
            {
                var key = EthPrivateKey.FromBytes(bytes);
                var account = new SimAccount(name, balance, v1, key.Address, new HashSet<EthAddress>());
                return new DemoCredentials(account, v1, "0x" + Convert.ToHexStringLower(bytes));
            }
            catch (ArgumentException)
            {
            }
        }
    }

    /// <summary>Shows the addresses and the API key; secrets are redacted (print them from the properties deliberately).</summary>
    public override string ToString() => $"DemoCredentials {{ Account = {Account.Name}, User = {User}, V1 = {V1} }}";

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
