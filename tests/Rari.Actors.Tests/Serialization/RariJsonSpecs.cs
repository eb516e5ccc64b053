using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Serialization;
using Rari.Actors.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using Xunit.Sdk;

namespace Rari.Actors.Tests.Serialization;

/// <summary>The JSON form itself: exact decimals, plain identifiers, manifests on interface members, strict reading, stable text.</summary>
public sealed class RariJsonSpecs
{
    private static readonly RariJson Json = RariJson.Default;
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly ClientOrderId Id = new("rari-grid-ETHUSDT-000042");

    public static TheoryData<decimal> Decimals =>
    [
        2339.50m, 0.000m, 0.00000001m, 1.0000000000000000000000000000m, 0.0000000000000000000000000001m,
        decimal.MaxValue, decimal.MinValue, -0.019m, 79228162514264337593543950.335m, 1e-28m * 3,
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public void Should_read_every_decimal_back_exactly_with_its_scale(decimal value)
    {
        // arrange
        var fill = new Fill(Eth, Id, new VenueOrderId(1), new TradeId(2), OrderSide.Buy, PositionSide.Both, value, value, value, LiquiditySide.Maker, 3);

        // act
        var copy = (OrderFilled)SerializationAssert.RoundTrip(new OrderFilled(fill, value));

        // assert: the same bits, so the same scale (2339.50 stays 2339.50, not 2339.5)
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(copy.Fill.Price)); // <--
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(copy.Fill.Quantity));
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(copy.OrderQuantity!.Value));
    }

    [Fact]
    public void Should_write_identifiers_as_plain_json_values()
    {
        // arrange
        var accepted = new OrderAccepted(Eth, Id, new VenueOrderId(5_123_456_789), 1_746_480_900_001);

        // act
        var json = Json.ToJson(accepted);

        // assert
        Assert.Equal(
            """{"symbol":"ETHUSDT","clientOrderId":"rari-grid-ETHUSDT-000042","venueOrderId":5123456789,"timestampMs":1746480900001}""",
            json);
    }

    [Fact]
    public void Should_write_an_interface_typed_member_with_its_manifest_and_read_it_back_as_that_type()
    {
        // arrange
        var inner = new GridInventoryReleased(StrategySet.HybridGridId, Eth, 7, "switch to volatility");
        var decided = new ChildDecided(StrategySet.HybridId, Eth, 7, inner);

        // act
        var json = Json.ToJson(decided);
        var copy = (ChildDecided)SerializationAssert.RoundTrip(decided);

        // assert
        Assert.StartsWith("""{"inner":{"$type":"grid.inventory-released.v1","strategyId":"hgrid",""", json, StringComparison.Ordinal);
        Assert.IsType<GridInventoryReleased>(copy.Inner);
        Assert.Equal(decided, copy);
    }

    [Fact]
    public void Should_not_write_computed_members()
    {
        // act: OrderFilled.Symbol/.ClientOrderId/.TimestampMs/.Kind and GridState.IsFlat/.Lower are derived
        var filled = Json.ToJson(JournalSamples.ByManifest["order.filled.v1"][0]);
        var grid = Json.ToJson(RecordedStrategyRuns.Grid.Snapshots[^1].State);

        // assert
        Assert.StartsWith("""{"fill":{""", filled, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", filled, StringComparison.Ordinal);
        Assert.DoesNotContain("\"isFlat\"", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("\"netRealizedPnl\"", grid, StringComparison.Ordinal);
        Assert.Contains("\"realizedPnl\"", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_a_default_immutable_array_back_as_the_empty_one_it_equals()
    {
        // arrange: an uninitialised array, which the built-in converter cannot write
        var order = new TrackedOrder(Id, OrderRole.Entry, OrderSide.Buy, OrderType.Market, 1m, null, TrackedOrderStatus.Working, 0m, 0m, 0m, default);

        // act
        var json = JsonSerializer.Serialize(order, Json.Options);
        var copy = JsonSerializer.Deserialize<TrackedOrder>(json, Json.Options)!;

        // assert
        Assert.EndsWith("\"tradeIds\":[]}", json, StringComparison.Ordinal);
        Assert.Equal(order, copy);
        Assert.False(copy.TradeIds.IsDefault);
    }

    [Fact]
    public void Should_read_back_dictionaries_keyed_by_symbol_and_value_lists()
    {
        // arrange
        IReadOnlyDictionary<Symbol, SymbolFeedStatus> feeds = new Dictionary<Symbol, SymbolFeedStatus>
        {
            [Eth] = new(1_746_480_900_000, 42, false),
            [new Symbol("BTCUSDT")] = new(0, 0, true),
        };
        var levels = ValueList.Of(2321.75m, 2368.19m, 2415.50m);
        var trades = ImmutableArray.Create(new TradeId(1), new TradeId(2));

        // act
        var feedsJson = JsonSerializer.Serialize(feeds, Json.Options);
        var feedsCopy = JsonSerializer.Deserialize<IReadOnlyDictionary<Symbol, SymbolFeedStatus>>(feedsJson, Json.Options)!;
        var levelsCopy = JsonSerializer.Deserialize<ValueList<decimal>>(JsonSerializer.Serialize(levels, Json.Options), Json.Options);
        var tradesCopy = JsonSerializer.Deserialize<ImmutableArray<TradeId>>(JsonSerializer.Serialize(trades, Json.Options), Json.Options);

        // assert
        Assert.Contains("\"ETHUSDT\":{", feedsJson, StringComparison.Ordinal);
        Assert.Equal(feeds.OrderBy(f => f.Key.Value), feedsCopy.OrderBy(f => f.Key.Value));
        Assert.Equal(levels, levelsCopy);
        Assert.Equal("2415.50", levelsCopy![2].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([new TradeId(1), new TradeId(2)], tradesCopy.AsEnumerable());
    }

    [Fact]
    public void Should_read_a_field_less_singleton_back_as_its_one_instance()
    {
        // act
        var copy = SerializationAssert.RoundTrip(GetRiskStatus.Instance);

        // assert
        Assert.Same(GetRiskStatus.Instance, copy);
    }

    [Fact]
    public void Should_refuse_a_type_without_a_manifest_saying_where_to_register_it()
    {
        // act
        var error = Assert.Throws<SerializationException>(() => Json.ManifestOf(new TestOnlyEvent(StrategySet.GridId, Eth, 1)));

        // assert
        Assert.Contains("TestOnlyEvent has no serialization manifest: register it in src/Rari.Actors/Serialization/Manifests/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_unregistered_value_in_an_interface_typed_member()
    {
        // arrange
        var decided = new ChildDecided(StrategySet.HybridId, Eth, 1, new TestOnlyEvent(StrategySet.HybridGridId, Eth, 1));

        // act
        var error = Assert.Throws<SerializationException>(() => Json.ToBytes(decided));

        // assert
        Assert.Contains("TestOnlyEvent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_unknown_manifest_naming_it()
    {
        // act
        var error = Assert.Throws<SerializationException>(() => Json.FromBytes("{}"u8, "grid.order-placed.v9"));

        // assert
        Assert.Contains("No type is registered under the manifest 'grid.order-placed.v9'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"symbol":"ETHUSDT","timestampMs":1}""", "clientOrderId")]
    [InlineData("""{"symbol":"eth-usdt","clientOrderId":"rari-grid-ETHUSDT-000042","timestampMs":1}""", "not a valid symbol")]
    [InlineData("""{"symbol":"ETHUSDT","clientOrderId":"rari grid","timestampMs":1}""", "not a valid client order id")]
    public void Should_refuse_a_payload_that_would_corrupt_the_state(string json, string expected)
    {
        // act
        var error = Assert.Throws<SerializationException>(() => Json.FromBytes(Encoding.UTF8.GetBytes(json), "order.canceled.v1"));

        // assert
        Assert.Contains("The 'order.canceled.v1' payload cannot be read as Rari.Domain.Orders.OrderCanceled", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_order_intent_the_venue_would_refuse()
    {
        // arrange: a LIMIT order without a price
        var json = """{"intent":{"clientOrderId":"rari-grid-ETHUSDT-000042","strategyId":"grid","symbol":"ETHUSDT","side":1,"type":1,"quantity":1,"timeInForce":1},"timestampMs":1}""";

        // act
        var error = Assert.Throws<SerializationException>(() => Json.FromBytes(Encoding.UTF8.GetBytes(json), "order.initialized.v1"));

        // assert
        Assert.Contains("a LIMIT order needs a price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ignore_unknown_members_and_read_members_in_any_order()
    {
        // arrange: a member removed in a later version, the type member last
        var json = """
            {"strategyId":"hybrid","symbol":"ETHUSDT","timestampMs":5,"retired":"yes",
             "inner":{"strategyId":"hgrid","symbol":"ETHUSDT","timestampMs":5,"reason":"switch","$type":"grid.inventory-released.v1"}}
            """;

        // act
        var copy = Json.FromBytes(Encoding.UTF8.GetBytes(json), "hybrid.child-decided.v1");

        // assert
        Assert.Equal(new ChildDecided(StrategySet.HybridId, Eth, 5, new GridInventoryReleased(StrategySet.HybridGridId, Eth, 5, "switch")), copy);
    }

    [Theory]
    [InlineData(
        "order.filled.v1",
        """{"fill":{"symbol":"ETHUSDT","clientOrderId":"rari-vol-ETHUSDT-000001","venueOrderId":1,"tradeId":1,"side":1,"positionSide":1,"price":1810.40,"quantity":0.552,"fee":0.39973632,"liquidity":2,"timestampMs":1746480900001},"orderQuantity":0.552}""")]
    [InlineData(
        "grid.order-placed.v1",
        """{"strategyId":"grid","symbol":"ETHUSDT","timestampMs":1748242440002,"cellId":23,"role":1,"clientOrderId":"rari-grid-ETHUSDT-000133","sequence":133,"side":1,"type":1,"price":2532.35,"quantity":0.019,"reason":"grid entry buy at level 17"}""")]
    [InlineData(
        "vol.exit-orders-placed.v1",
        """{"stopLoss":{"clientOrderId":"rari-vol-ETHUSDT-000280","strategyId":"vol","symbol":"ETHUSDT","side":1,"type":3,"quantity":0.392,"stopPrice":2625.49,"reduceOnly":true,"closePosition":false,"positionSide":1},"takeProfit":{"clientOrderId":"rari-vol-ETHUSDT-000281","strategyId":"vol","symbol":"ETHUSDT","side":1,"type":4,"quantity":0.392,"stopPrice":2421.56,"reduceOnly":true,"closePosition":false,"positionSide":1},"strategyId":"vol","symbol":"ETHUSDT","timestampMs":1748271480002}""")]
    [InlineData(
        "hybrid.child-decided.v1",
        """{"inner":{"$type":"vol.position-released.v1","reason":"switch to grid","strategyId":"hvol","symbol":"ETHUSDT","timestampMs":1748262660000},"strategyId":"hybrid","symbol":"ETHUSDT","timestampMs":1748262660000}""")]
    [InlineData(
        "risk.trading-halted.v1",
        """{"timestampMs":1746718140000,"symbol":null,"cause":2,"level":3,"reason":"daily loss 108.21878051 USDT is 1.07605457% of the day's starting equity"}""")]
    public void Should_read_and_write_the_released_json_exactly(string manifest, string json)
    {
        // act: payloads as journals hold them; a change of naming, enum form or decimal form would break them
        var read = Json.FromBytes(Encoding.UTF8.GetBytes(json), manifest);

        // assert
        Assert.Equal(json, Json.ToJson(read)); // <--
        Assert.Equal(manifest, Json.ManifestOf(read));
    }

    [Fact]
    public void Should_notice_a_member_that_did_not_come_back()
    {
        // arrange: proves the comparison the round-trip specs rely on can fail
        var state = (GridState)RecordedStrategyRuns.Grid.Snapshots[^1].State;

        // act
        var error = Record.Exception(() => SerializationAssert.Faithful(state, state with { RealizedPnl = state.RealizedPnl + 0.00000001m }));

        // assert
        Assert.IsAssignableFrom<XunitException>(error);
    }

    private sealed record TestOnlyEvent(StrategyId StrategyId, Symbol Symbol, long TimestampMs) : IStrategyEvent;
}
