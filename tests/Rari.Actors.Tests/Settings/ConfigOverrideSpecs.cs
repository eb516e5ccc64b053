using Rari.Actors.Settings;

namespace Rari.Actors.Tests.Settings;

public sealed class ConfigOverrideSpecs
{
    [Theory]
    [InlineData("grid.levels=12", "rari.grid.levels", "12")]
    [InlineData("rari.risk.max-daily-loss=0.05", "rari.risk.max-daily-loss", "0.05")]
    [InlineData(" assets.BTCUSDT.leverage = 20 ", "rari.assets.BTCUSDT.leverage", "20")]
    public void Should_read_a_path_under_rari_and_its_value(string text, string path, string value)
    {
        // act
        var entry = ConfigOverride.Parse(text);

        // assert
        Assert.Equal(new ConfigOverride(path, value), entry);
    }

    [Theory]
    [InlineData("grid.levels")]
    [InlineData("=12")]
    [InlineData("grid.levels=")]
    [InlineData("grid..levels=3")]
    [InlineData("grid levels=3")]
    public void Should_refuse_text_that_is_not_key_equals_value(string text)
    {
        // act
        var error = Assert.Throws<SettingsException>(() => ConfigOverride.Parse(text));

        // assert
        var problem = Assert.Single(error.Problems);
        Assert.Equal("--set", problem.Path);
        Assert.Equal(text, problem.Value);
    }

    [Fact]
    public void Should_quote_the_value_so_any_text_stays_one_value()
    {
        // act
        var hocon = new ConfigOverride("rari.x.y", "a \"b\" c").ToHocon();

        // assert
        Assert.Equal("rari.x.y = \"a \\\"b\\\" c\"", hocon);
        Assert.Equal("rari.grid.lower-price = null", ConfigOverride.Parse("grid.lower-price=null").ToHocon());
    }
}
