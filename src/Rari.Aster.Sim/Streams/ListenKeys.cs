using System.Security.Cryptography;
using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// The listenKeys of the user data streams (fact sheet §3.5): at most one active key per account, valid for
/// <c>lifetime</c> (60 minutes on Aster) after its creation or last keepalive. Creating while a key is active
/// returns the same key and extends it; closing invalidates it. Thread-safe.
/// </summary>
internal sealed class ListenKeys(TimeProvider time, TimeSpan lifetime)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Dictionary<string, (string Key, long ExpiresMs)> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _accountByKey = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Returns the account's active key, extended, or a new one.</summary>
    public string Create(string account)
    {
        lock (_gate)
        {
            var now = Now();
            if (_byAccount.TryGetValue(account, out var active) && active.ExpiresMs > now)
            {
                _byAccount[account] = (active.Key, now + (long)lifetime.TotalMilliseconds);
                return active.Key;
            }

            var key = RandomNumberGenerator.GetString(Alphabet, 64);
            if (_byAccount.TryGetValue(account, out var old))
            {
                _accountByKey.Remove(old.Key);
            }

            _byAccount[account] = (key, now + (long)lifetime.TotalMilliseconds);
            _accountByKey[key] = account;
            return key;
        }
    }

    /// <summary>Extends the account's active key.</summary>
    /// <exception cref="AsterErrorException">−1125 when the account has no active key.</exception>
    public void KeepAlive(string account)
    {
        lock (_gate)
        {
            var now = Now();
            if (!_byAccount.TryGetValue(account, out var active) || active.ExpiresMs <= now)
            {
                throw new AsterErrorException(AsterErrors.InvalidListenKey());
            }

            _byAccount[account] = (active.Key, now + (long)lifetime.TotalMilliseconds);
        }
    }

    /// <summary>Invalidates the account's key; returns it (null when there was none) so its listeners can be told.</summary>
    public string? Close(string account)
    {
        lock (_gate)
        {
            if (!_byAccount.Remove(account, out var active))
            {
                return null;
            }

            _accountByKey.Remove(active.Key);
            return active.Key;
        }
    }

    /// <summary>The account of an active key, or null.</summary>
    public string? AccountOf(string key)
    {
        lock (_gate)
        {
            return _accountByKey.TryGetValue(key, out var account) && _byAccount[account].ExpiresMs > Now() ? account : null;
        }
    }

    /// <summary>The account's active key, or null.</summary>
    public string? ActiveKeyOf(string account)
    {
        lock (_gate)
        {
            return _byAccount.TryGetValue(account, out var active) && active.ExpiresMs > Now() ? active.Key : null;
        }
    }

    /// <summary>Removes every key past its expiry and returns them.</summary>
    public IReadOnlyList<string> RemoveExpired()
    {
        lock (_gate)
        {
            var now = Now();
            var expired = _byAccount.Where(pair => pair.Value.ExpiresMs <= now).ToList();
            foreach (var (account, active) in expired)
            {
                _byAccount.Remove(account);
                _accountByKey.Remove(active.Key);
            }

            return [.. expired.Select(pair => pair.Value.Key)];
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
