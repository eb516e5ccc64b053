using Rari.Aster.Signing;
using Rari.Aster.Sim.Auth;

namespace Rari.Aster.Sim.Tests.Auth;

public sealed class NonceLedgerSpecs
{
    private static readonly EthAddress User = EthAddress.Parse("0xfcad0b19bb29d4674531d6f115237e16afce377c");
    private static readonly EthAddress Other = EthAddress.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    [Fact]
    public void Should_refuse_a_repeat_per_user_only()
    {
        // arrange
        var ledger = new NonceLedger();

        // act
        var first = ledger.TryUse(User, 1);
        var repeat = ledger.TryUse(User, 1);
        var otherUser = ledger.TryUse(Other, 1);

        // assert
        Assert.Equal(NonceVerdict.Accepted, first);
        Assert.Equal(NonceVerdict.Duplicate, repeat);
        Assert.Equal(NonceVerdict.Accepted, otherUser);
    }

    [Fact]
    public void Should_refuse_a_nonce_older_than_every_kept_one_once_full()
    {
        // arrange
        var ledger = new NonceLedger(capacity: 100);
        for (var n = 101; n <= 200; n++)
        {
            ledger.TryUse(User, n);
        }

        // act
        var older = ledger.TryUse(User, 100);
        var between = ledger.TryUse(User, 250);
        var dropped = ledger.TryUse(User, 101);

        // assert
        Assert.Equal(NonceVerdict.TooOld, older);
        Assert.Equal(NonceVerdict.Accepted, between);
        Assert.Equal(NonceVerdict.TooOld, dropped);
    }

    [Fact]
    public void Should_never_accept_a_nonce_twice_over_many_random_sequences()
    {
        // arrange
        var random = new Random(20_240_101);
        for (var run = 0; run < 50; run++)
        {
            var ledger = new NonceLedger(capacity: 10);
            var accepted = new HashSet<long>();
            for (var i = 0; i < 500; i++)
            {
                // act
                var nonce = random.Next(0, 300);
                var verdict = ledger.TryUse(User, nonce);

                // assert
                if (verdict == NonceVerdict.Accepted)
                {
                    Assert.True(accepted.Add(nonce), $"Run {run}: nonce {nonce} was accepted twice.");
                }
            }
        }
    }
}
