using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Orders;

public class ClientOrderIdFactorySpecs
{
    private static readonly ClientOrderIdFactory Factory = new();

    [Theory]
    [InlineData("grid", "BTCUSDT", 123, "rari-grid-BTCUSDT-000123")]
    [InlineData("vol", "ETHUSDT", 0, "rari-vol-ETHUSDT-000000")]
    [InlineData("grid", "BTCUSDT", 1_234_567, "rari-grid-BTCUSDT-1234567")]
    [InlineData("hybrid", "1000SHIBUSDT", 42, "rari-hybrid-1000SHIBUSDT-000042")]
    [InlineData("volatility", "1000000MOGUSDT", 1, "rari-volatility-1000000M.J0QD-000001")]
    [InlineData("grid", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", 123, "rari-grid-ABCDEFGHIJKLMN.4T0L-000123")]
    public void Should_derive_the_pinned_id(string strategy, string symbol, long sequence, string expected)
    {
        // act
        var id = Factory.Create(new StrategyId(strategy), new Symbol(symbol), sequence);

        // assert
        Assert.Equal(expected, id.Value);
    }

    [Fact]
    public void Should_derive_the_same_id_from_the_same_inputs_on_every_call_and_every_instance()
    {
        // arrange
        var other = new ClientOrderIdFactory("rari");

        // act
        var ids = Enumerable.Range(0, 3).Select(_ => Factory.Create(new StrategyId("grid"), new Symbol("BROCCOLI714USDT"), 99)).ToList();
        var fromOther = other.Create(new StrategyId("grid"), new Symbol("BROCCOLI714USDT"), 99);

        // assert
        Assert.All(ids, id => Assert.Equal(fromOther, id));
    }

    [Fact]
    public void Should_stay_valid_and_round_trip_for_many_strategies_symbols_and_sequences()
    {
        // arrange
        var random = new Random(20_261_123);
        const string symbolChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const string wordChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        var shortened = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var prefix = RandomText(random, wordChars, random.Next(1, ClientOrderIdFactory.MaxPrefixLength + 1));
            var strategy = new StrategyId(RandomText(random, wordChars, random.Next(1, ClientOrderIdFactory.MaxStrategyLength + 1)));
            var symbol = new Symbol(RandomText(random, symbolChars, random.Next(1, 33)));
            var sequence = random.Next(4) switch
            {
                0 => random.NextInt64(0, 1_000),
                1 => random.NextInt64(0, 1_000_000),
                2 => random.NextInt64(0, ClientOrderIdFactory.MaxSequence + 1),
                _ => ClientOrderIdFactory.MaxSequence,
            };
            var factory = new ClientOrderIdFactory(prefix);

            // act
            var id = factory.Create(strategy, symbol, sequence);
            var parsed = factory.TryParse(id, out var parts);

            // assert
            Assert.True(id.Value.Length <= ClientOrderId.MaxLength, id.Value);
            Assert.True(ClientOrderId.IsValid(id.Value), id.Value);
            Assert.True(parsed, id.Value);
            Assert.Equal(prefix, parts.Prefix);
            Assert.Equal(strategy, parts.StrategyId);
            Assert.Equal(sequence, parts.Sequence);
            Assert.True(parts.IsFor(symbol), id.Value);
            Assert.Equal(id, factory.Create(parts.StrategyId, symbol, parts.Sequence));
            if (parts.IsShortened)
            {
                shortened++;
                Assert.Equal(ClientOrderId.MaxLength, id.Value.Length);
                Assert.Null(parts.Symbol);
            }
            else
            {
                Assert.Equal(symbol, parts.Symbol);
            }
        }

        Assert.InRange(shortened, 1_000, 19_000); // both forms were exercised
    }

    [Fact]
    public void Should_not_take_a_shortened_id_for_another_symbol_with_the_same_head()
    {
        // arrange
        var strategy = new StrategyId("volatility");
        var id = Factory.Create(strategy, new Symbol("1000000MOGUSDT"), 1);
        Assert.True(Factory.TryParse(id, out var parts));

        // act
        var sameHead = parts.IsFor(new Symbol("1000000MOGUSD1"));
        var same = parts.IsFor(new Symbol("1000000MOGUSDT"));

        // assert
        Assert.False(sameHead);
        Assert.True(same);
        Assert.Equal("1000000M.J0QD", parts.SymbolTag);
    }

    [Fact]
    public void Should_tell_a_full_symbol_tag_only_matches_its_own_symbol()
    {
        // arrange
        Assert.True(Factory.TryParse(new ClientOrderId("rari-grid-BTCUSDT-000123"), out var parts));

        // act / assert
        Assert.Equal(new Symbol("BTCUSDT"), parts.Symbol);
        Assert.True(parts.IsFor(new Symbol("BTCUSDT")));
        Assert.False(parts.IsFor(new Symbol("ETHUSDT")));
        Assert.False(parts.IsFor(default));
    }

    [Theory]
    [InlineData("autoclose-1234567890")]
    [InlineData("adl_autoclose")]
    [InlineData("web_AbCdEf123")]
    [InlineData("bot-grid-BTCUSDT-000123")]
    [InlineData("rari-grid-BTCUSDT")]
    [InlineData("rari-grid-BTCUSDT-000123-1")]
    [InlineData("rari-grid-BTCUSDT-00123")]
    [InlineData("rari-grid-BTCUSDT-0001234")]
    [InlineData("rari-grid-BTCUSDT-12345678901")]
    [InlineData("rari-grid-btcusdt-000123")]
    [InlineData("rari--BTCUSDT-000123")]
    [InlineData("rari-grid-BTC.J0QD-000123")]
    [InlineData("rari-grid-ABCDEFGHIJKLMN.4t0L-000123")]
    [InlineData("rari-grid-ABCDEFGHIJKLMN.4T0-0000123")]
    [InlineData("rari-grid-ABCDEFGHIJKLMNO.4T0L-00012")]
    [InlineData("rari-gr.d-BTCUSDT-000123")]
    public void Should_not_recognise_ids_that_are_not_ours(string text)
    {
        // act
        var parsed = Factory.TryParse(new ClientOrderId(text), out var parts);

        // assert
        Assert.False(parsed);
        Assert.False(Factory.IsOurs(new ClientOrderId(text)));
        Assert.Equal(default, parts);
    }

    [Fact]
    public void Should_not_parse_an_empty_id()
    {
        // act / assert
        Assert.False(Factory.TryParse(default, out _));
    }

    [Fact]
    public void Should_recognise_its_own_ids_by_prefix()
    {
        // arrange
        var id = Factory.Create(new StrategyId("grid"), new Symbol("BTCUSDT"), 5);

        // act / assert
        Assert.True(Factory.IsOurs(id));
        Assert.False(new ClientOrderIdFactory("rari2").IsOurs(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("toolong")]
    [InlineData("ra-ri")]
    [InlineData("ra.ri")]
    public void Should_refuse_a_prefix_that_does_not_fit_the_scheme(string prefix)
    {
        // act
        var ex = Assert.Throws<ArgumentException>(() => new ClientOrderIdFactory(prefix));

        // assert
        Assert.Equal("prefix", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("volatility2")]
    [InlineData("grid-2")]
    [InlineData("grid.2")]
    public void Should_refuse_a_strategy_id_that_does_not_fit_the_scheme(string strategy)
    {
        // act
        var ex = Assert.Throws<ArgumentException>(() => Factory.Create(new StrategyId(strategy), new Symbol("BTCUSDT"), 1));

        // assert
        Assert.Equal("strategyId", ex.ParamName);
        Assert.StartsWith($"strategy '{strategy}' cannot go into a client order id: use 1-10 ASCII letters, digits or '_'.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000_000_000)]
    public void Should_refuse_a_sequence_outside_its_range(long sequence)
    {
        // act / assert
        Assert.Throws<ArgumentOutOfRangeException>(() => Factory.Create(new StrategyId("grid"), new Symbol("BTCUSDT"), sequence));
    }

    [Fact]
    public void Should_refuse_a_missing_symbol()
    {
        // act
        var ex = Assert.Throws<ArgumentException>(() => Factory.Create(new StrategyId("grid"), default, 1));

        // assert
        Assert.Equal("symbol", ex.ParamName);
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
