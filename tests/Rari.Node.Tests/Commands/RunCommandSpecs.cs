using Rari.Node.Trading;

namespace Rari.Node.Tests.Commands;

public sealed class RunCommandSpecs
{
    [Theory]
    [InlineData(new[] { "run", "scalping", "--test" }, "the mode 'scalping' is not one of grid, volatility, hybrid")]
    [InlineData(new[] { "run", "grid", "--venue", "http://127.0.0.1:5080" }, "--venue points test mode at a running simulator; add --test")]
    [InlineData(new[] { "run", "grid", "--test", "--venue", "ftp://x" }, "--venue 'ftp://x' is not an http(s) URL")]
    [InlineData(new[] { "run", "grid", "--market", "live" }, "--market live is paper trading on Aster's live prices in the simulator; add --test")]
    [InlineData(new[] { "run", "grid", "--test", "--market", "live", "--venue", "http://127.0.0.1:5080" }, "--market live starts its own simulator following rari.live-market; drop --venue")]
    [InlineData(new[] { "run", "grid", "--test", "--market", "live", "--speed", "60" }, "--data, --speed and --history-bars drive a replay; --market live follows the live market instead")]
    [InlineData(new[] { "run", "grid", "--test", "--market", "live", "--history-bars", "10" }, "--data, --speed and --history-bars drive a replay; --market live follows the live market instead")]
    [InlineData(new[] { "run", "grid", "--test", "--market", "sideways" }, "--market 'sideways' is not replay or live")]
    [InlineData(new[] { "run", "grid", "--data", "data" }, "--data, --speed and --history-bars drive the in-process simulator; add --test")]
    [InlineData(new[] { "run", "grid", "--test", "--speed", "0" }, "--speed 0 must be a positive number")]
    [InlineData(new[] { "run", "grid", "--test", "--duration", "soon" }, "--duration 'soon' is not a duration such as 90s, 10m or 2h")]
    [InlineData(new[] { "run", "grid", "--test", "--symbols", "btc-usdt" }, "--symbols: 'btc-usdt' is not a symbol")]
    [InlineData(new[] { "run", "grid", "--test", "--config", "/no/such/file.conf" }, "--config /no/such/file.conf: no such file")]
    public void Should_refuse_bad_arguments_with_a_message_naming_each_problem(string[] args, string expected)
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run(args);

        // assert
        Assert.Equal(TraderRun.UsageExitCode, exitCode);
        Assert.Contains("rari run: " + expected, error, StringComparison.Ordinal); // <--
    }

    [Fact]
    public void Should_stop_start_up_on_a_bad_setting_naming_the_key_and_value_before_touching_any_venue()
    {
        // act
        var (exitCode, output, error) = CommandRunner.Run("run", "grid", "--test", "--set", "grid.levels=0", "--set", "gateway.countdown=soon");

        // assert
        Assert.Equal(TraderRun.UsageExitCode, exitCode);
        Assert.Contains("rari run: rari.grid.levels = 0", error, StringComparison.Ordinal);
        Assert.Contains("rari run: rari.gateway.countdown = soon", error, StringComparison.Ordinal);
        Assert.DoesNotContain("trading", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    public void Should_read_a_duration(string text, int seconds)
    {
        Assert.True(RunRequest.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("10")]
    [InlineData("10w")]
    public void Should_refuse_a_malformed_duration(string text) => Assert.False(RunRequest.TryParseDuration(text, out _));

    [Fact]
    public void Should_default_test_mode_to_the_bundled_data_at_600x_after_a_day_of_history()
    {
        // act
        var errors = RunRequest.TryCreate(
            new RunArguments("hybrid", true, null, null, [], null, null, null, null, null, [], null, null, false), out var request);

        // assert
        Assert.Empty(errors);
        Assert.NotNull(request);
        Assert.Equal(RunRequest.DefaultSpeed, request.Speed);
        Assert.Equal(RunRequest.DefaultHistoryBars, request.HistoryBars);
        Assert.Equal(4, request.DataFiles.Count); // the four bundled symbols
        Assert.True(request.Dashboard);
    }
}
