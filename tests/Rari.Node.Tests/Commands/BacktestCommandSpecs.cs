using System.Text.Json;
using Rari.Backtest.Reports;
using Rari.TestKit;

namespace Rari.Node.Tests.Commands;

public sealed class BacktestCommandSpecs : IDisposable
{
    private readonly string _out = CommandRunner.TempFolder();

    private static string Btc => Path.Combine(SharedData.RepositoryRoot, "data", "BTCUSDT-1m-20250506-20250510.csv.gz");

    private static string Bundled => Path.Combine(SharedData.RepositoryRoot, "data");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Should_name_every_bad_argument_and_what_is_valid()
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run(
            "backtest", "--strategy", "scalper", "--data", "/no/such/file.csv.gz", "--from", "yesterday", "--symbols", "BTC-USDT",
            "--sweep", "grid.levels=8-16", "--rank", "luck", "--set", "grid.levels");

        // assert
        Assert.Equal(2, exitCode);
        Assert.Contains("--strategy 'scalper' is not a strategy: use grid, volatility, hybrid or preferred.", error, StringComparison.Ordinal);
        Assert.Contains("--data '/no/such/file.csv.gz' does not exist.", error, StringComparison.Ordinal);
        Assert.Contains("--from 'yesterday' is not a time: use a UTC date such as 2025-05-06", error, StringComparison.Ordinal);
        Assert.Contains("--symbols 'BTC-USDT' is not a symbol", error, StringComparison.Ordinal);
        Assert.Contains("--sweep 'grid.levels=8-16' is not key=from..to:step", error, StringComparison.Ordinal);
        Assert.Contains("--rank 'luck' is not a metric: use sharpe, sortino, net-pnl, profit-factor, win-rate, drawdown.", error, StringComparison.Ordinal);
        Assert.Contains("--set 'grid.levels': write key=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_require_a_strategy_and_data()
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run("backtest");

        // assert
        Assert.Equal(2, exitCode);
        Assert.Contains("--strategy is required", error, StringComparison.Ordinal);
        Assert.Contains("--data is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_empty_period_and_a_walk_forward_without_a_sweep()
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run(
            "backtest", "--strategy", "grid", "--data", Btc, "--from", "2025-05-09", "--to", "2025-05-08", "--walk-forward", "train=2d,test=1d");

        // assert
        Assert.Equal(2, exitCode);
        Assert.Contains("--from 2025-05-09 is not before --to 2025-05-08: the period is empty.", error, StringComparison.Ordinal);
        Assert.Contains("--walk-forward optimises over a sweep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_configuration_problems_with_their_keys()
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run(
            "backtest", "--strategy", "grid", "--data", Btc, "--set", "grid.levels=0", "--set", "backtest.initial-balance=free", "--out", _out);

        // assert
        Assert.Equal(2, exitCode);
        Assert.Contains("rari.grid.levels = 0: a grid needs 2 to 500 levels", error, StringComparison.Ordinal);
        Assert.Contains("rari.backtest.initial-balance = free: must be a decimal number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_run_a_backtest_and_write_both_reports_and_the_summary()
    {
        // act
        var (exitCode, output, error) = CommandRunner.Run(
            "backtest", "--strategy", "volatility", "--data", Btc, "--from", "2025-05-07", "--to", "2025-05-09",
            "--set", "backtest.warm-up-bars=600", "--out", _out);

        // assert
        Assert.True(exitCode == 0, error);
        var report = ReportJsonWriter.Read(Path.Combine(_out, "report.json"));
        Assert.Equal("volatility on BTCUSDT, 2025-05-07 00:00 → 2025-05-09 00:00 UTC", report.Title);
        Assert.Contains(report.Parameters, p => p.Key == "rari.backtest.warm-up-bars" && p.Value == "600");
        Assert.Contains(report.Parameters, p => p.Key == "rari.assets.BTCUSDT.leverage" && p.Value == "50");
        Assert.True(File.Exists(Path.Combine(_out, "report.html")));
        Assert.Contains("net PnL", output, StringComparison.Ordinal);
        Assert.Contains($"Report: {Path.Combine(_out, "report.json")}", output, StringComparison.Ordinal);
        Assert.Matches(@"Processed 3,480 klines in \d+\.\d\d s: [\d,]+ klines/s\.", output);
    }

    [Fact]
    public void Should_run_a_sweep_and_rank_its_runs()
    {
        // act
        var (exitCode, output, error) = CommandRunner.Run(
            "backtest", "--strategy", "grid", "--data", Bundled, "--symbols", "ethusdt", "--from", "2025-05-07", "--to", "2025-05-09",
            "--set", "backtest.warm-up-bars=300", "--sweep", "grid.spacing=0.004..0.008:0.002", "--sweep", "grid.levels=6..8:2",
            "--rank", "net-pnl", "--parallel", "2", "--out", _out);

        // assert
        Assert.True(exitCode == 0, error);
        using var sweep = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "sweep.json")));
        var ranking = sweep.RootElement.GetProperty("ranking");
        Assert.Equal(6, ranking.GetArrayLength());
        var scores = ranking.EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains("Sweep: 6 runs ranked by net-pnl", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_run_a_walk_forward_and_report_only_out_of_sample_windows()
    {
        // act
        var (exitCode, output, error) = CommandRunner.Run(
            "backtest", "--strategy", "grid", "--data", Btc, "--set", "backtest.warm-up-bars=300", "--set", "grid.notional-per-level=200",
            "--sweep", "grid.spacing=0.004..0.006:0.002", "--walk-forward", "train=2d,test=1d", "--out", _out);

        // assert
        Assert.True(exitCode == 0, error);
        using var walk = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "walk-forward.json")));
        var windows = walk.RootElement.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(3, windows.Count);
        for (var i = 1; i < windows.Count; i++)
        {
            Assert.Equal(windows[i - 1].GetProperty("testToMs").GetInt64(), windows[i].GetProperty("testFromMs").GetInt64());
        }

        var report = ReportJsonWriter.Read(Path.Combine(_out, "report.json"));
        Assert.True(report.EquityCurve[0].TimestampMs >= windows[0].GetProperty("testFromMs").GetInt64());
        Assert.Contains("Walk-forward: out-of-sample results only", output, StringComparison.Ordinal);
    }
}
