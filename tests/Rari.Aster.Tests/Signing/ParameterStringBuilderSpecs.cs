using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class ParameterStringBuilderSpecs
{
    [Theory]
    [InlineData(ParameterEncoding.UriComponent, "a%20b!'()*~-_.%2B%26%3D%2F%3A%2C%5B%5D%7B%7D%22%25")]
    [InlineData(ParameterEncoding.Rfc3986, "a%20b%21%27%28%29%2A~-_.%2B%26%3D%2F%3A%2C%5B%5D%7B%7D%22%25")]
    [InlineData(ParameterEncoding.FormPlus, "a+b%21%27%28%29%2A~-_.%2B%26%3D%2F%3A%2C%5B%5D%7B%7D%22%25")]
    public void Should_encode_reserved_characters_as_each_producer_does(ParameterEncoding encoding, string expected)
    {
        // arrange
        const string value = "a b!'()*~-_.+&=/:,[]{}\"%";

        // act
        var encoded = ParameterStringBuilder.Encode(value, encoding);

        // assert
        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void Should_match_dotnet_uri_escaping_for_rfc3986_over_random_text()
    {
        // arrange
        var random = new Random(714);
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) == 0 ? (char)random.Next(0xA0, 0x800) : (char)random.Next(0x20, 0x7F);
            }

            var text = new string(chars);

            // act
            var encoded = ParameterStringBuilder.Encode(text, ParameterEncoding.Rfc3986);

            // assert
            Assert.Equal(Uri.EscapeDataString(text), encoded);
            Assert.Equal(text, Uri.UnescapeDataString(ParameterStringBuilder.Encode(text, ParameterEncoding.UriComponent)));
        }
    }

    [Fact]
    public void Should_keep_insertion_order_and_the_decimal_scale()
    {
        // arrange
        var builder = new ParameterStringBuilder()
            .Add("symbol", "BTCUSDT")
            .Add("quantity", 0.010m)
            .Add("price", 65000.5m)
            .Add("orderId", 123456789L)
            .Add("reduceOnly", true)
            .Add("closePosition", false);

        // act
        var text = builder.ToString();

        // assert
        Assert.Equal("symbol=BTCUSDT&quantity=0.010&price=65000.5&orderId=123456789&reduceOnly=true&closePosition=false", text);
        Assert.Equal(6, builder.Count);
        Assert.True(builder.Contains("price"));
        Assert.False(builder.Contains("Price"));
    }

    [Fact]
    public void Should_encode_a_json_list_exactly_as_the_v1_batch_vector()
    {
        // arrange
        const string json =
            "[{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.001\",\"price\":\"60000\",\"timeInForce\":\"GTC\",\"newClientOrderId\":\"grid-b-1\"}," +
            "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"quantity\":\"0.001\",\"price\":\"70000\",\"timeInForce\":\"GTX\",\"newClientOrderId\":\"grid-s-1\"}]";
        var expected = SigningVectors.Required(SigningVectors.V1("v1_batch_orders"), "request_body");

        // act
        var text = new ParameterStringBuilder().Add("batchOrders", json).Add("recvWindow", 5000).Add("timestamp", 1750000000789).ToString();

        // assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Should_encode_non_ascii_text_as_utf8_bytes()
    {
        // act
        var text = new ParameterStringBuilder().Add("note", "é€").ToString();

        // assert
        Assert.Equal("note=%C3%A9%E2%82%AC", text);
    }

    [Fact]
    public void Should_refuse_a_parameter_added_twice()
    {
        // arrange
        var builder = new ParameterStringBuilder().Add("symbol", "BTCUSDT");

        // act
        var error = Assert.Throws<ArgumentException>(() => builder.Add("symbol", "ETHUSDT"));

        // assert
        Assert.Contains("'symbol'", error.Message);
        Assert.Equal("symbol=BTCUSDT", builder.ToString());
    }

    [Fact]
    public void Should_refuse_an_unpaired_surrogate_that_has_no_utf8_form()
    {
        // act + assert
        Assert.ThrowsAny<ArgumentException>(() => ParameterStringBuilder.Encode("a\uD800b", ParameterEncoding.UriComponent));
    }

    [Fact]
    public void Should_build_an_empty_string_without_parameters()
    {
        // act
        var text = new ParameterStringBuilder().ToString();

        // assert
        Assert.Equal(string.Empty, text);
    }
}
