using Rari.Domain.Instruments;
using Rari.TestKit;

namespace Rari.Domain.Tests.Instruments;

public sealed class LeverageBracketSpecs
{
    [Theory]
    [InlineData("0", 1)]
    [InlineData("49999.99", 1)]
    [InlineData("50000", 2)]
    [InlineData("599999.99", 2)]
    [InlineData("600000", 3)]
    [InlineData("12000000", 5)]
    [InlineData("1799999999.99", 12)]
    [InlineData("-60000", 2)]
    public void Should_find_the_bracket_whose_floor_is_inclusive_and_cap_exclusive(string notional, int expectedBracket)
    {
        // act
        var bracket = TestInstruments.BtcUsdt.LeverageBracketAt(D(notional));

        // assert
        Assert.NotNull(bracket);
        Assert.Equal(expectedBracket, bracket.Bracket);
    }

    [Fact]
    public void Should_find_no_bracket_at_or_beyond_the_last_cap()
    {
        // act + assert
        Assert.Null(TestInstruments.BtcUsdt.LeverageBracketAt(1_800_000_000m));
        Assert.Equal(0, TestInstruments.BtcUsdt.MaxLeverageAt(2_000_000_000m));
    }

    [Theory]
    [InlineData("10000", 125)]
    [InlineData("50000", 100)]
    [InlineData("2999999.9", 75)]
    [InlineData("3000000", 50)]
    [InlineData("12000000", 25)]
    [InlineData("1500000000", 1)]
    public void Should_give_the_max_leverage_at_a_notional(string notional, int expected)
    {
        // act + assert
        Assert.Equal(expected, TestInstruments.BtcUsdt.MaxLeverageAt(D(notional)));
    }

    [Theory]
    [InlineData(125, "50000")]
    [InlineData(101, "50000")]
    [InlineData(100, "600000")]
    [InlineData(21, "70000000")]
    [InlineData(20, "100000000")]
    [InlineData(1, "1800000000")]
    [InlineData(126, "0")]
    public void Should_give_the_max_notional_at_a_leverage(int leverage, string expected)
    {
        // act + assert
        Assert.Equal(D(expected), TestInstruments.BtcUsdt.MaxNotionalAt(leverage));
    }

    [Fact]
    public void Should_reject_a_leverage_below_one()
    {
        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => TestInstruments.BtcUsdt.MaxNotionalAt(0));
    }

    [Fact]
    public void Should_stop_the_max_notional_at_the_first_bracket_that_disallows_the_leverage()
    {
        // arrange: an odd table where leverage rises again above 10k notional
        var instrument = TestInstruments.SolUsdt with
        {
            LeverageBrackets =
            [
                new(1, 50, 0m, 5_000m, 0.01m, 0m),
                new(2, 10, 5_000m, 10_000m, 0.05m, 200m),
                new(3, 20, 10_000m, 20_000m, 0.05m, 200m),
            ],
        };

        // act + assert
        Assert.Equal(5_000m, instrument.MaxNotionalAt(20));
    }

    [Fact]
    public void Should_sort_brackets_by_notional_floor()
    {
        // act
        var instrument = TestInstruments.BtcUsdt with { LeverageBrackets = TestInstruments.BtcUsdtBrackets.Reverse().ToList() };

        // assert
        Assert.Equal(Enumerable.Range(1, 12), instrument.LeverageBrackets.Select(b => b.Bracket));
    }

    [Theory]
    [InlineData("gap", "brackets must be contiguous")]
    [InlineData("overlap", "brackets must be contiguous")]
    [InlineData("not from zero", "the first bracket must start at notional 0")]
    [InlineData("empty cap", "notionalCap must be above notionalFloor")]
    [InlineData("zero leverage", "initialLeverage must be at least 1")]
    [InlineData("ratio of one", "maintMarginRatio must be in [0, 1)")]
    [InlineData("negative cum", "cum must not be negative")]
    public void Should_reject_an_invalid_bracket_table(string defect, string expectedRule)
    {
        // arrange
        LeverageBracket[] table = defect switch
        {
            "gap" => [new(1, 125, 0m, 50_000m, 0.004m, 0m), new(2, 100, 60_000m, 600_000m, 0.005m, 50m)],
            "overlap" => [new(1, 125, 0m, 50_000m, 0.004m, 0m), new(2, 100, 40_000m, 600_000m, 0.005m, 50m)],
            "not from zero" => [new(1, 125, 10m, 50_000m, 0.004m, 0m)],
            "empty cap" => [new(1, 125, 0m, 0m, 0.004m, 0m)],
            "zero leverage" => [new(1, 0, 0m, 50_000m, 0.004m, 0m)],
            "ratio of one" => [new(1, 125, 0m, 50_000m, 1m, 0m)],
            "negative cum" => [new(1, 125, 0m, 50_000m, 0.004m, -1m)],
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        // act
        var error = Assert.Throws<ArgumentException>(() => TestInstruments.BtcUsdt with { LeverageBrackets = table });

        // assert
        Assert.Equal("LeverageBrackets", error.ParamName);
        Assert.Contains(expectedRule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_both_ends_of_a_gap()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => TestInstruments.BtcUsdt with
        {
            LeverageBrackets = [new(1, 125, 0m, 50_000m, 0.004m, 0m), new(2, 100, 60_000m, 600_000m, 0.005m, 50m)],
        });

        // assert
        Assert.StartsWith(
            "LeverageBrackets: bracket 2 (notional 60000–600000) is invalid: it starts at 60000 but the bracket below ends at 50000",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_the_test_tables_cum_values_continuous()
    {
        // arrange
        IReadOnlyList<LeverageBracket>[] tables = [TestInstruments.BtcUsdtBrackets, TestInstruments.EthUsdtBrackets, TestInstruments.AltBrackets];

        foreach (var table in tables)
        {
            for (var i = 1; i < table.Count; i++)
            {
                // act
                var expectedCum = table[i - 1].Cum + (table[i].NotionalFloor * (table[i].MaintMarginRatio - table[i - 1].MaintMarginRatio));

                // assert: maintenance margin (notional × mmr − cum) agrees on both sides of each floor
                Assert.Equal(expectedCum, table[i].Cum);
                Assert.Equal(
                    (table[i].NotionalFloor * table[i - 1].MaintMarginRatio) - table[i - 1].Cum,
                    (table[i].NotionalFloor * table[i].MaintMarginRatio) - table[i].Cum);
            }
        }
    }

    [Fact]
    public void Should_pin_the_btcusdt_table_from_the_brief()
    {
        // arrange
        var table = TestInstruments.BtcUsdtBrackets;

        // act + assert
        Assert.Equal(new LeverageBracket(1, 125, 0m, 50_000m, 0.004m, 0m), table[0]);
        Assert.Equal(new LeverageBracket(2, 100, 50_000m, 600_000m, 0.005m, 50m), table[1]);
        Assert.Equal(new LeverageBracket(3, 75, 600_000m, 3_000_000m, 0.0065m, 950m), table[2]);
        Assert.Equal(new LeverageBracket(4, 50, 3_000_000m, 12_000_000m, 0.01m, 11_450m), table[3]);
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
