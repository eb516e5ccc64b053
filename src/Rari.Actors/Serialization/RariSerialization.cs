using Akka.Configuration;
using Akka.Hosting;

namespace Rari.Actors.Serialization;

/// <summary>
/// Binds the trader's message families to <see cref="RariJsonSerializer"/>: the HOCON to layer into an actor system, and
/// the Akka.Hosting extension that does it.
/// </summary>
/// <remarks>
/// Bindings are by interface (and <c>RiskState</c> by type), never <c>System.Object</c>: a type outside these families
/// keeps Akka's own serializer, and a type inside them without a manifest fails loudly when first serialized (and in
/// the registry spec long before).
/// </remarks>
public static class RariSerialization
{
    /// <summary>The serializer's name in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "rari-json";

    /// <summary>
    /// <c>akka.actor.serializers</c>, <c>serialization-bindings</c> and <c>serialization-identifiers</c> for
    /// <see cref="RariJsonSerializer"/> (id <see cref="RariJsonSerializer.SerializerId"/>).
    /// </summary>
    public static Config Config { get; } = ConfigurationFactory.ParseString(
        $$"""
        akka.actor {
          serializers {
            {{SerializerName}} = "Rari.Actors.Serialization.RariJsonSerializer, Rari.Actors"
          }
          serialization-bindings {
            "Rari.Actors.Serialization.IRariMessage, Rari.Actors" = {{SerializerName}}
            "Rari.Domain.Strategies.IStrategyEvent, Rari.Domain" = {{SerializerName}}
            "Rari.Domain.Orders.IOrderEvent, Rari.Domain" = {{SerializerName}}
            "Rari.Domain.Risk.IRiskEvent, Rari.Domain" = {{SerializerName}}
            "Rari.Domain.Strategies.IStrategyState, Rari.Domain" = {{SerializerName}}
            "Rari.Domain.Risk.RiskState, Rari.Domain" = {{SerializerName}}
          }
          serialization-identifiers {
            "Rari.Actors.Serialization.RariJsonSerializer, Rari.Actors" = {{RariJsonSerializer.SerializerId}}
          }
        }
        """);

    /// <summary>Adds <see cref="Config"/> to the actor system's configuration (as a fallback: it binds, it sets nothing else).</summary>
    public static AkkaConfigurationBuilder AddRariSerialization(this AkkaConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHocon(Config, HoconAddMode.Append);
    }
}
