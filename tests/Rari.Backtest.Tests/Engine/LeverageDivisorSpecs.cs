using Rari.Backtest.Engine;

namespace Rari.Backtest.Tests.Engine;

/// <summary>
/// <see cref="LeverageDivisor"/>, the engine's shortcut for a position's value divided by its leverage: it must give the
/// very decimal the division gives — digits and scale (a report prints the scale) — for every leverage.
/// </summary>
public sealed class LeverageDivisorSpecs
{
    public static TheoryData<int> Seeds => new() { 1, 2, 3 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_give_the_decimal_division_bit_for_bit_for_every_leverage(int seed)
    {
        // arrange: values of every size and scale, as quantity × price products and as random digits
        var random = new Random(seed);
        var values = new List<decimal> { 0m, 0.00m, 1m, 10m, 100.0m, 7.5m, 0.0000000000000000000000000001m, decimal.MaxValue };
        for (var i = 0; i < 2_000; i++)
        {
            var quantity = new decimal(random.Next(1, 1_000_000), 0, 0, false, (byte)random.Next(0, 7));
            var price = new decimal(random.Next(1, int.MaxValue), random.Next(0, 3), 0, false, (byte)random.Next(0, 9));
            values.Add(quantity * price);
            values.Add(new decimal(random.Next(), random.Next(), random.Next(0, 2) == 0 ? 0 : random.Next(), false, (byte)random.Next(0, 29)));
        }

        var differences = new List<string>();
        var shortcuts = 0;
        for (var leverage = 1; leverage <= 125; leverage++)
        {
            var divisor = new LeverageDivisor(leverage);
            foreach (var value in values)
            {
                // act
                var expected = value / leverage;
                var actual = divisor.Divide(value);

                // assert (collected): the same four words, so the same digits and the same scale
                if (!decimal.GetBits(expected).AsSpan().SequenceEqual(decimal.GetBits(actual)))
                {
                    differences.Add($"{value} / {leverage}: {expected} expected, {actual} given");
                }

                shortcuts += 100_000_000 % leverage == 0 ? 1 : 0;
            }
        }

        Assert.Empty(differences);
        Assert.True(shortcuts > 10_000, "the shortcut's leverages (dividing a power of ten) were tried");
    }

    [Fact]
    public void Should_refuse_a_leverage_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeverageDivisor(0));
    }
}
