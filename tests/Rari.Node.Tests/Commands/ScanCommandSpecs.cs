using Rari.TestKit;

namespace Rari.Node.Tests.Commands;

public sealed class ScanCommandSpecs
{
    [Fact]
    public void Should_rank_the_symbols_of_a_directory_and_explain_the_score()
    {
        // act
        var (exitCode, output, error) = CommandRunner.Run("scan", "--data", Path.Combine(SharedData.RepositoryRoot, "data"), "--days", "3");

        // assert
        Assert.True(exitCode == 0, error);
        foreach (var symbol in new[] { "BTCUSDT", "ETHUSDT", "SOLUSDT", "SUIUSDT" })
        {
            Assert.Contains(symbol, output, StringComparison.Ordinal);
        }

        Assert.Contains("grid score = 100 × range-boundness × volatility fit × liquidity", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_bad_lookback()
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run("scan", "--data", Path.Combine(SharedData.RepositoryRoot, "data"), "--days", "0");

        // assert
        Assert.Equal(2, exitCode);
        Assert.Contains("--days 0 must be 1-3650.", error, StringComparison.Ordinal);
    }
}
