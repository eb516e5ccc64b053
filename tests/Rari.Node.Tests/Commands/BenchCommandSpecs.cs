using System.Text.Json;
using Rari.TestKit;

namespace Rari.Node.Tests.Commands;

/// <summary>
/// <c>rari bench --quick</c> runs every benchmark end to end and writes its JSON. No figure is checked against a
/// target: timings on a shared machine prove nothing; that the command runs, measures and reports does.
/// </summary>
public sealed class BenchCommandSpecs : IDisposable
{
    private readonly string _folder = CommandRunner.TempFolder();

    [Fact]
    public void Should_run_every_benchmark_quickly_and_write_a_figure_for_each_target()
    {
        // arrange
        var json = Path.Combine(_folder, "bench.json");

        // act
        var (exitCode, output, error) = CommandRunner.Run("bench", "--quick", "--json", json, "--data", SharedData.Directory);

        // assert
        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(File.ReadAllText(json)); // <--
        var figures = document.RootElement.GetProperty("figures").EnumerateArray().ToList();
        var names = figures.Select(f => f.GetProperty("name").GetString()).ToList();
        foreach (var expected in new[]
        {
            "backtest throughput, grid, one symbol", "backtest throughput, hybrid, multi-symbol portfolio", "data loading, CSV.gz",
            "data loading, binary cache", "parameter sweep", "live pipeline throughput", "live pipeline latency", "order round trip",
            "journal, SQLite", "journal, PostgreSQL", "recovery", "memory, 20-symbol live pipeline", "memory, one-year 1m backtest",
        })
        {
            Assert.Contains(expected, names);
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        // Everything but PostgreSQL (which needs a server) measured something, with its raw numbers.
        Assert.All(
            figures.Where(f => f.GetProperty("name").GetString() != "journal, PostgreSQL"),
            f => Assert.NotEqual("not measured", f.GetProperty("measured").GetString()));
        Assert.True(document.RootElement.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        Assert.True(figures.Single(f => f.GetProperty("name").GetString() == "backtest throughput, grid, one symbol")
            .GetProperty("values").GetProperty("klines").GetDouble() > 70_000);
    }

    [Fact]
    public void Should_refuse_a_data_folder_without_klines_with_what_to_do()
    {
        // act
        var (exitCode, _, error) = CommandRunner.Run("bench", "--quick", "--data", _folder);

        // assert
        Assert.Equal(2, exitCode);
        Assert.Contains("RARI_SHARED_DATA", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
