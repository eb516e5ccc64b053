using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Tests.Strategies.Sizing;

public sealed class AssetProfileTableSpecs
{
    [Theory]
    [InlineData("BTCUSDT", 50, StrategyKind.Hybrid, VolatilityClass.Medium)]
    [InlineData("ETHUSDT", 50, StrategyKind.Hybrid, VolatilityClass.Medium)]
    [InlineData("SOLUSDT", 25, StrategyKind.Hybrid, VolatilityClass.High)]
    [InlineData("SUIUSDT", 25, StrategyKind.Hybrid, VolatilityClass.High)]
    [InlineData("ASTERUSDT", 10, StrategyKind.Grid, VolatilityClass.Medium)]
    [InlineData("PENGUUSDT", 5, StrategyKind.Volatility, VolatilityClass.Extreme)]
    public void Should_hold_the_original_tools_asset_table(string symbol, int leverage, StrategyKind strategy, VolatilityClass volatility)
    {
        // act
        var profile = AssetProfileTable.Default.For(new Symbol(symbol));

        // assert
        Assert.Equal(new AssetProfile(new Symbol(symbol), leverage, strategy, volatility), profile);
        Assert.True(AssetProfileTable.Default.Contains(new Symbol(symbol)));
    }

    [Fact]
    public void Should_fall_back_to_the_cautious_profile_for_an_unknown_symbol()
    {
        // act
        var profile = AssetProfileTable.Default.For(new Symbol("DOGEUSDT"));

        // assert
        Assert.Equal(new AssetProfile(new Symbol("DOGEUSDT"), 5, StrategyKind.Hybrid, VolatilityClass.High), profile);
        Assert.False(AssetProfileTable.Default.Contains(new Symbol("DOGEUSDT")));
        Assert.Equal(6, AssetProfileTable.Default.Profiles.Count);
    }

    [Fact]
    public void Should_refuse_two_profiles_for_one_symbol_and_impossible_leverage()
    {
        // arrange
        var btc = new AssetProfile(new Symbol("BTCUSDT"), 50, StrategyKind.Grid, VolatilityClass.Medium);

        // act and assert
        Assert.Throws<ArgumentException>(() => new AssetProfileTable([btc, btc], btc));
        Assert.Throws<ArgumentOutOfRangeException>(() => btc with { Leverage = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => btc with { Leverage = 126 });
    }
}
