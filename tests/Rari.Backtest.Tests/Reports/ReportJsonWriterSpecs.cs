using Rari.Backtest.Reports;

namespace Rari.Backtest.Tests.Reports;

public sealed class ReportJsonWriterSpecs
{
    [Fact]
    public void Should_round_trip_a_report_through_its_file()
    {
        // arrange
        var report = SampleReports.Create();
        var path = Path.Combine(Path.GetTempPath(), $"rari-report-{Guid.NewGuid():N}.json");

        try
        {
            // act
            ReportJsonWriter.Write(report, path);
            var read = ReportJsonWriter.Read(path);

            // assert: serializing what was read gives the same bytes, so nothing was lost or rounded
            Assert.Equal(ReportJsonWriter.Serialize(report), ReportJsonWriter.Serialize(read));
            Assert.Equal(report.Metrics, read.Metrics);
            Assert.Equal(report.EquityCurve, read.EquityCurve);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_write_symbols_as_strings_and_sides_as_names()
    {
        var json = ReportJsonWriter.Serialize(SampleReports.Create());

        Assert.Contains("\"symbol\": \"BTCUSDT\"", json, StringComparison.Ordinal);
        Assert.Contains("\"direction\": \"Buy\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_every_digit_of_money()
    {
        var json = ReportJsonWriter.Serialize(SampleReports.Create());

        Assert.Contains("\"feesPaid\": 0.36", json, StringComparison.Ordinal);
        Assert.Contains("\"equity\": 9999.9", json, StringComparison.Ordinal);
    }
}
