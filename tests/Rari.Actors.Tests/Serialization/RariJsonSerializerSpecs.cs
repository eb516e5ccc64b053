using Akka.Hosting;
using Akka.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Rari.Actors.Serialization;
using Rari.Actors.Tests.Support;
using Rari.Domain.Risk;

namespace Rari.Actors.Tests.Serialization;

/// <summary>The serializer inside an actor system: bound to every family by <see cref="RariSerialization.Config"/>, id 7274.</summary>
public sealed class RariJsonSerializerSpecs : Akka.TestKit.Xunit2.TestKit
{
    public RariJsonSerializerSpecs()
        : base(RariSerialization.Config, nameof(RariJsonSerializerSpecs))
    {
    }

    public static TheoryData<string> Manifests => [.. MessageManifests.Default.Entries.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Should_serialize_every_registered_type_through_akka_with_the_rari_serializer(string manifest)
    {
        // arrange
        var sample = JournalSamples.ByManifest[manifest][^1];
        var serialization = Sys.Serialization;

        // act
        var serializer = serialization.FindSerializerFor(sample);
        var bytes = serializer.ToBinary(sample);
        var copy = serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, sample));

        // assert
        Assert.IsType<RariJsonSerializer>(serializer); // <--
        Assert.Equal(7274, serializer.Identifier);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, sample));
        SerializationAssert.Faithful(sample, copy);
    }

    [Fact]
    public void Should_bind_risk_state_snapshots_but_leave_other_types_to_akka()
    {
        // act
        var riskState = Sys.Serialization.FindSerializerFor(RiskState.Empty);
        var text = Sys.Serialization.FindSerializerFor("not a rari message");
        var settings = Sys.Serialization.FindSerializerFor(RecordedRiskRun.Settings);

        // assert
        Assert.IsType<RariJsonSerializer>(riskState);
        Assert.IsNotType<RariJsonSerializer>(text);
        Assert.IsNotType<RariJsonSerializer>(settings);
    }

    [Fact]
    public void Should_add_the_bindings_through_akka_hosting()
    {
        // arrange
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "rari");

        // act
        builder.AddRariSerialization();

        // assert
        var config = builder.Configuration.Value;
        Assert.Equal("Rari.Actors.Serialization.RariJsonSerializer, Rari.Actors", config.GetString("akka.actor.serializers.rari-json"));
        Assert.Equal("rari-json", config.GetString("akka.actor.serialization-bindings.\"Rari.Domain.Strategies.IStrategyEvent, Rari.Domain\""));
        Assert.Equal(6, config.GetConfig("akka.actor.serialization-bindings").AsEnumerable().Count());
    }
}
