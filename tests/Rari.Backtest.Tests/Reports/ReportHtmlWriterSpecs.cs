using Rari.Backtest.Reports;

namespace Rari.Backtest.Tests.Reports;

public sealed class ReportHtmlWriterSpecs
{
    [Fact]
    public void Should_draw_equity_drawdown_and_one_price_chart_per_symbol()
    {
        var html = ReportHtmlWriter.Render(SampleReports.Create());

        Assert.Equal(3, CountOf(html, "<svg "));
        Assert.Contains("Equity (USDT)", html, StringComparison.Ordinal);
        Assert.Contains("Drawdown (%)", html, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT: price, strategy levels and fills", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_mark_every_fill_and_draw_every_level()
    {
        var html = ReportHtmlWriter.Render(SampleReports.Create());

        Assert.Contains("<title>buy 0.01 @ 29990", html, StringComparison.Ordinal);
        Assert.Contains("<title>sell 0.01 @ 30040", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "stroke-dasharray=\"4 3\""));
    }

    [Fact]
    public void Should_be_self_contained()
    {
        var html = ReportHtmlWriter.Render(SampleReports.Create());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_escape_text_that_comes_from_configuration()
    {
        var html = ReportHtmlWriter.Render(SampleReports.Create(title: "grid <b>&</b>"));

        Assert.Contains("grid &lt;b&gt;&amp;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_risk_events_with_their_reason()
    {
        var html = ReportHtmlWriter.Render(SampleReports.Create());

        Assert.Contains("daily loss 15.2 % ≥ limit 15 %", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_cap_the_trades_table_and_say_how_many_it_left_out()
    {
        var html = ReportHtmlWriter.Render(SampleReports.Create(trades: ReportHtmlWriter.MaxTradeRows + 7));

        Assert.Contains("… and 7 more in report.json.", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
