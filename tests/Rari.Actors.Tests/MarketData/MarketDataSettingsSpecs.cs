using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Actors.Tests.Settings;
using Rari.Aster.Streams;

namespace Rari.Actors.Tests.MarketData;

/// <summary>The <c>rari.market-data</c> block: the reference file holds the code's defaults, and bad values are named.</summary>
public sealed class MarketDataSettingsSpecs
{
    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_the_reference_file()
    {
        // act
        var settings = MarketDataSettingsLoader.Create(HoconFiles.Reference.GetConfig(MarketDataSettingsLoader.Path));

        // assert
        Assert.Equal(MarketDataSettings.Default, settings);
    }

    [Fact]
    public void Should_differ_from_the_defaults_when_a_value_in_the_file_does()
    {
        // arrange: proves the comparison above can fail
        var config = HoconFiles.With("market-data.streams.mark-price=false", "market-data.staleness-limit=45s");

        // act
        var settings = MarketDataSettingsLoader.Create(config.GetConfig(MarketDataSettingsLoader.Path));

        // assert
        Assert.Equal(MarketDataSettings.Default with { MarkPrice = false, StalenessLimit = TimeSpan.FromSeconds(45) }, settings);
    }

    [Fact]
    public void Should_list_every_key_it_reads_in_the_reference_file()
    {
        // arrange
        var reader = new ConfigReader(ConfigurationFactory.Empty, MarketDataSettingsLoader.Path);
        MarketDataSettingsLoader.Read(reader);

        // act
        var missing = reader.ValuePaths.Where(path => !HoconFiles.Reference.HasPath(path)).ToList();

        // assert
        Assert.Equal(9, reader.ValuePaths.Count);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_report_every_bad_key_with_its_value_and_why()
    {
        // arrange
        var config = HoconFiles.With(
            "market-data.staleness-limit=0",
            "market-data.reconnect-min-backoff=2s",
            "market-data.reconnect-max-backoff=1s",
            "market-data.planned-reconnect-after=25h",
            "market-data.order-book-levels=0",
            "market-data.streams.book-tickers=on",
            "market-data.conflation-interval=fast");

        // act
        var error = Assert.Throws<SettingsException>(() => MarketDataSettingsLoader.Create(config.GetConfig(MarketDataSettingsLoader.Path)));

        // assert
        Assert.Equal(
        [
            "rari.market-data.conflation-interval = fast: must be a duration such as 500ms, 30s, 2m, 8h or 1d",
            "rari.market-data.streams.book-tickers: unknown key; did you mean 'book-ticker'?",
            "rari.market-data.staleness-limit = 0: must be positive",
            "rari.market-data.reconnect-max-backoff = 1s: must be at least reconnect-min-backoff = 2s",
            "rari.market-data.planned-reconnect-after = 25h: must be positive and below Aster's 24h connection limit",
            "rari.market-data.order-book-levels = 0: must be 1-1000",
        ],
        error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Should_subscribe_klines_always_and_the_optional_streams_as_configured()
    {
        // arrange
        var symbol = new Rari.Domain.Identifiers.Symbol("BTCUSDT");

        // act
        var all = (MarketDataSettings.Default with { OrderBooks = true }).StreamsOf(symbol);
        var klinesOnly = (MarketDataSettings.Default with { BookTicker = false, MarkPrice = false, OrderBooks = false }).StreamsOf(symbol);

        // assert
        Assert.Equal(["btcusdt@kline_1m", "btcusdt@bookTicker", "btcusdt@markPrice@1s", "btcusdt@depth"], all);
        Assert.Equal(["btcusdt@kline_1m"], klinesOnly);
    }

    [Fact]
    public void Should_carry_its_timings_into_the_stream_options()
    {
        // arrange
        var settings = MarketDataSettings.Default with
        {
            ReconnectMinBackoff = TimeSpan.FromSeconds(1),
            ReconnectMaxBackoff = TimeSpan.FromMinutes(1),
            PlannedReconnectAfter = TimeSpan.FromHours(20),
        };

        // act
        var options = settings.ApplyTo(new MarketStreamOptions());

        // assert
        Assert.Equal(
            (TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), (TimeSpan?)TimeSpan.FromHours(20), (TimeSpan?)null),
            (options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.MaxConnectionAge, options.SilenceTimeout));
    }
}
