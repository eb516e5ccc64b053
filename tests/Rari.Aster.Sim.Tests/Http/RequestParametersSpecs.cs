using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Tests.Http;

public sealed class RequestParametersSpecs
{
    [Fact]
    public void Should_keep_the_raw_query_and_body_verbatim()
    {
        // act
        var p = RequestParameters.Parse("?symbol=BTCUSDT&batchOrders=%5B%7B%22a%22%3A1%7D%5D", "price=1.50&quantity=0.010");

        // assert
        Assert.Equal("symbol=BTCUSDT&batchOrders=%5B%7B%22a%22%3A1%7D%5D", p.RawQuery);
        Assert.Equal("price=1.50&quantity=0.010", p.RawBody);
    }

    [Fact]
    public void Should_percent_decode_values_with_form_rules()
    {
        // act
        var p = RequestParameters.Parse("batchOrders=%5B%7B%22a%22%3A1%7D%5D&note=a+b%20c", null);

        // assert
        Assert.Equal("[{\"a\":1}]", p["batchOrders"]);
        Assert.Equal("a b c", p["note"]);
    }

    [Fact]
    public void Should_take_the_query_value_when_a_parameter_is_in_both_places()
    {
        // act
        var p = RequestParameters.Parse("symbol=ETHUSDT&side=BUY", "symbol=BTCUSDT&type=LIMIT");

        // assert
        Assert.Equal("ETHUSDT", p["symbol"]);
        Assert.Equal("LIMIT", p["type"]);
        Assert.Equal(["symbol", "side", "type"], p.Names);
    }

    [Theory]
    [InlineData("a=1&a=2", "")]
    [InlineData("", "a=1&b=2&a=3")]
    public void Should_refuse_a_name_repeated_within_one_part_with_1101(string query, string body)
    {
        // act
        var error = Assert.Throws<AsterErrorException>(() => RequestParameters.Parse(query, body));

        // assert
        Assert.Equal(-1101, error.Error.Code);
        Assert.Equal("Duplicate values for parameter 'a'.", error.Error.Message);
    }

    [Fact]
    public void Should_refuse_a_missing_mandatory_parameter_with_1102()
    {
        // arrange
        var p = RequestParameters.Parse("symbol=", null);

        // act
        var error = Assert.Throws<AsterErrorException>(() => p.Required("symbol"));

        // assert
        Assert.Equal(-1102, error.Error.Code);
        Assert.Equal(400, error.Error.HttpStatus);
        Assert.Equal("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.", error.Error.Message);
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=1.5")]
    [InlineData("limit=1e3")]
    public void Should_refuse_a_malformed_whole_number_with_1102(string query)
    {
        // arrange
        var p = RequestParameters.Parse(query, null);

        // act
        var error = Assert.Throws<AsterErrorException>(() => p.OptionalLong("limit"));

        // assert
        Assert.Equal(-1102, error.Error.Code);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    public void Should_read_booleans_in_either_case(string text, bool expected)
    {
        // act
        var value = RequestParameters.Parse("reduceOnly=" + text, null).OptionalBool("reduceOnly");

        // assert
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Should_read_decimals_exactly_with_their_scale()
    {
        // act
        var value = RequestParameters.Parse("quantity=0.010", null).OptionalDecimal("quantity");

        // assert
        Assert.Equal("0.010", value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Should_refuse_a_bounded_value_outside_its_range_with_1130()
    {
        // act
        var error = Assert.Throws<AsterErrorException>(() => RequestParameters.Parse("limit=1501", null).BoundedInt("limit", 500, 1, 1500));

        // assert
        Assert.Equal(-1130, error.Error.Code);
        Assert.Equal("Data sent for parameter 'limit' is not valid: it must be between 1 and 1500.", error.Error.Message);
    }

    [Fact]
    public void Should_parse_python_style_single_quoted_lists_leniently()
    {
        // act
        using var strict = JsonList.Parse("batchOrders", "[{\"symbol\":\"BTCUSDT\"}]");
        using var python = JsonList.Parse("batchOrders", "[{'symbol':'ASTERUSDT','quantity':'20'}]");

        // assert
        Assert.Equal("BTCUSDT", strict.RootElement[0].GetProperty("symbol").GetString());
        Assert.Equal("20", python.RootElement[0].GetProperty("quantity").GetString());
        Assert.Equal(-1130, Assert.Throws<AsterErrorException>(() => JsonList.Parse("orderIdList", "1,2")).Error.Code);
    }
}
