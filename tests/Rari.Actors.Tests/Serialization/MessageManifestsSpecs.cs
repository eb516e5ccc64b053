using System.Collections;
using System.Reflection;
using Rari.Actors.Serialization;
using Rari.Actors.Settings;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;

namespace Rari.Actors.Tests.Serialization;

/// <summary>The manifest registry: complete for every family the serializer is bound to, unique, well formed, stable.</summary>
public sealed class MessageManifestsSpecs
{
    /// <summary>The types bound to the serializer in <see cref="RariSerialization.Config"/>.</summary>
    public static readonly Type[] BoundTypes =
        [typeof(IRariMessage), typeof(IStrategyEvent), typeof(IOrderEvent), typeof(IRiskEvent), typeof(IStrategyState), typeof(RiskState)];

    private static readonly Assembly[] Assemblies = [typeof(IStrategyEvent).Assembly, typeof(IRariMessage).Assembly];

    private static readonly MessageManifests Manifests = MessageManifests.Default;

    [Fact]
    public void Should_register_every_concrete_type_of_every_bound_family()
    {
        // arrange: every concrete type, public or not, of the Domain and the actors that the serializer would be asked for
        var concrete = Assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsAbstract && !type.IsInterface && !type.ContainsGenericParameters)
            .Where(type => BoundTypes.Any(bound => bound.IsAssignableFrom(type)))
            .ToList();

        // act
        var missing = concrete.Where(type => !Manifests.TryGetManifest(type, out _)).Select(Advice).ToList();

        // assert
        Assert.True(concrete.Count >= 70, $"only {concrete.Count} types found: is the reflection looking at the right assemblies?");
        Assert.True(missing.Count == 0, "Types without a serialization manifest:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Should_register_only_types_the_bindings_send_to_the_serializer()
    {
        // act: a registered type outside every bound family would never reach the serializer
        var stray = Manifests.Entries.Where(entry => !BoundTypes.Any(bound => bound.IsAssignableFrom(entry.Value))).Select(entry => entry.Key);

        // assert
        Assert.Empty(stray);
    }

    [Fact]
    public void Should_give_every_type_one_well_formed_manifest_and_every_manifest_one_type()
    {
        // act
        var entries = Manifests.Entries;

        // assert
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(entries.Count, entries.Select(e => e.Value).Distinct().Count());
        Assert.All(entries, e => Assert.Matches("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*$", e.Key));
        Assert.All(entries, e =>
        {
            Assert.True(Manifests.TryGetType(e.Key, out var type));
            Assert.Equal(e.Value, type);
            Assert.Equal(e.Key, Manifests.ManifestOf(e.Value));
        });
    }

    [Fact]
    public void Should_keep_the_released_manifests_of_the_domain_events()
    {
        // assert: journals hold these names; changing one would orphan every row written under it
        Assert.Equal("order.filled.v1", Manifests.ManifestOf(typeof(OrderFilled)));
        Assert.Equal("grid.order-placed.v1", Manifests.ManifestOf(typeof(GridOrderPlaced)));
        Assert.Equal("grid.state.v1", Manifests.ManifestOf(typeof(GridState)));
        Assert.Equal("hybrid.child-decided.v1", Manifests.ManifestOf(typeof(ChildDecided)));
        Assert.Equal("hybrid.snapshot.v1", Manifests.ManifestOf(typeof(HybridSnapshot)));
        Assert.Equal("risk.trading-halted.v1", Manifests.ManifestOf(typeof(TradingHalted)));
        Assert.Equal("risk.state.v1", Manifests.ManifestOf(typeof(RiskState)));
    }

    [Fact]
    public void Should_cover_every_interface_typed_member_of_a_registered_type_with_registered_types()
    {
        // arrange: members typed as an interface or abstract type are written with the value's manifest
        var polymorphic = new HashSet<Type>();
        foreach (var (_, type) in Manifests.Entries)
        {
            CollectPolymorphicMembers(type, polymorphic, []);
        }

        // act
        var uncovered = polymorphic.Where(type => Manifests.AssignableTo(type).Count == 0).Select(type => type.FullName);

        // assert
        Assert.Contains(typeof(IStrategyEvent), polymorphic); // ChildDecided.Inner
        Assert.Contains(typeof(IStrategyState), polymorphic); // HybridSnapshot.Grid, .Volatility
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Should_say_where_to_register_an_unknown_type()
    {
        // act
        var error = Assert.Throws<KeyNotFoundException>(() => Manifests.ManifestOf(typeof(UnregisteredEvent)));

        // assert
        Assert.Contains("src/Rari.Actors/Serialization/Manifests/", error.Message, StringComparison.Ordinal);
        Assert.Contains(".Add<UnregisteredEvent>(\"family.unregistered-event.v1\")", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Grid.OrderPlaced.v1")]
    [InlineData("grid.order-placed")]
    [InlineData("order-placed.v1")]
    [InlineData("grid.order placed.v1")]
    [InlineData("grid.order-placed.v0")]
    public void Should_refuse_a_malformed_manifest(string manifest)
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => new MessageManifests.Builder().Add<UnregisteredEvent>(manifest));

        // assert
        Assert.Contains("family.kebab-name.vN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_manifest_taken_by_another_type()
    {
        // arrange
        var builder = new MessageManifests.Builder().Add<OrderFilled>("order.filled.v1");

        // act
        var error = Assert.Throws<ArgumentException>(() => builder.Add<OrderCanceled>("order.filled.v1"));

        // assert
        Assert.Contains("is taken by Rari.Domain.Orders.OrderFilled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_type_registered_twice_or_an_abstract_one()
    {
        // arrange
        var builder = new MessageManifests.Builder().Add<OrderFilled>("order.filled.v1");

        // act
        var twice = Assert.Throws<ArgumentException>(() => builder.Add<OrderFilled>("order.filled.v2"));
        var abstractType = Assert.Throws<ArgumentException>(() => builder.Add<HybridEvent>("hybrid.event.v1"));

        // assert
        Assert.Contains("already registered as 'order.filled.v1'", twice.Message, StringComparison.Ordinal);
        Assert.Contains("not a concrete type", abstractType.Message, StringComparison.Ordinal);
    }

    private static string Advice(Type type)
    {
        var family = BoundTypes.First(bound => bound.IsAssignableFrom(type)).Name;
        return $"  {type.FullName} ({family}): add .Add<{type.Name}>(\"<family>.{ConfigText.Kebab(type.Name)}.v1\") " +
            "to its family's file in src/Rari.Actors/Serialization/Manifests/ (see MessageManifests' remarks)";
    }

    private static void CollectPolymorphicMembers(Type type, HashSet<Type> found, HashSet<Type> visited)
    {
        if (!visited.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericArguments() is { Length: > 0 } arguments && typeof(IEnumerable).IsAssignableFrom(type))
        {
            foreach (var argument in arguments)
            {
                CollectPolymorphicMembers(argument, found, visited);
            }

            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            CollectPolymorphicMembers(underlying, found, visited);
            return;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            found.Add(type);
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.DeclaringType != typeof(object))
            {
                CollectPolymorphicMembers(property.PropertyType, found, visited);
            }
        }
    }

    private sealed record UnregisteredEvent(Domain.Identifiers.StrategyId StrategyId, Domain.Identifiers.Symbol Symbol, long TimestampMs) : IStrategyEvent;
}
