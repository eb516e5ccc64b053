using Rari.Actors.Settings;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Tests.Settings;

public sealed class ConfigTextSpecs
{
    [Theory]
    [InlineData("FixedSpacing", "fixed-spacing")]
    [InlineData("ZScore", "z-score")]
    [InlineData("AverageTrueRange", "average-true-range")]
    [InlineData("Neutral", "neutral")]
    [InlineData("Level2Book", "level2-book")]
    public void Should_write_names_in_kebab_case(string name, string kebab)
    {
        // act & assert
        Assert.Equal(kebab, ConfigText.Kebab(name));
    }

    [Theory]
    [InlineData("z-score", true, MeanReversionTrigger.ZScore)]
    [InlineData("Bollinger-Bands", true, MeanReversionTrigger.BollingerBands)]
    [InlineData("ZScore", true, MeanReversionTrigger.ZScore)]
    [InlineData("1", false, default(MeanReversionTrigger))]
    public void Should_read_enum_values_by_name_only(string text, bool ok, MeanReversionTrigger expected)
    {
        // act
        var parsed = ConfigText.TryParseEnum<MeanReversionTrigger>(text, out var value);

        // assert
        Assert.Equal(ok, parsed);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1 day", 86_400_000)]
    [InlineData("0", 0)]
    public void Should_read_durations(string text, long ms)
    {
        // act
        var parsed = ConfigText.TryParseDuration(text, out var duration);

        // assert
        Assert.True(parsed);
        Assert.Equal(TimeSpan.FromMilliseconds(ms), duration);
        Assert.True(ConfigText.TryParseDuration(ConfigText.Format(duration), out var again) && again == duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1s")]
    [InlineData("2 fortnights")]
    [InlineData("0.5ms")]
    public void Should_refuse_a_duration_without_a_known_unit_or_in_fractions_of_a_millisecond(string text)
    {
        // act & assert
        Assert.False(ConfigText.TryParseDuration(text, out _));
    }

    [Fact]
    public void Should_suggest_a_near_key_and_nothing_for_a_far_one()
    {
        // act & assert
        Assert.Equal("levels", ConfigText.Nearest("levles", ["levels", "spacing"]));
        Assert.Null(ConfigText.Nearest("completely-else", ["levels", "spacing"]));
    }
}
