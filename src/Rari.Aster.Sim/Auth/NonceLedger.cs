using Rari.Aster.Signing;

namespace Rari.Aster.Sim.Auth;

/// <summary>What <see cref="NonceLedger.TryUse"/> decided.</summary>
internal enum NonceVerdict
{
    /// <summary>New: recorded.</summary>
    Accepted = 0,

    /// <summary>Already used by this user: a replay.</summary>
    Duplicate = 1,

    /// <summary>The ledger is full and the nonce is older than every nonce kept.</summary>
    TooOld = 2,
}

/// <summary>
/// The V3 nonces each user has used (fact sheet §2.3.5): the most recent <see cref="Capacity"/> per user are kept; a
/// nonce already kept is a duplicate; when the list is full, a nonce smaller than the smallest kept is too old,
/// otherwise the smallest is dropped to make room.
/// </summary>
/// <remarks>
/// Dropping always the smallest keeps every dropped nonce below every kept one, so once a user's list is full no
/// nonce can ever be used twice. Thread-safe.
/// </remarks>
internal sealed class NonceLedger(int capacity = 100)
{
    private readonly Dictionary<EthAddress, SortedSet<long>> _byUser = [];
    private readonly Lock _gate = new();

    /// <summary>How many nonces are kept per user.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Records <paramref name="nonce"/> for <paramref name="user"/> unless it is a replay or too old.</summary>
    public NonceVerdict TryUse(EthAddress user, long nonce)
    {
        lock (_gate)
        {
            if (!_byUser.TryGetValue(user, out var kept))
            {
                kept = [];
                _byUser.Add(user, kept);
            }

            if (kept.Contains(nonce))
            {
                return NonceVerdict.Duplicate;
            }

            if (kept.Count >= Capacity)
            {
                if (nonce < kept.Min)
                {
                    return NonceVerdict.TooOld;
                }

                kept.Remove(kept.Min);
            }

            kept.Add(nonce);
            return NonceVerdict.Accepted;
        }
    }
}
