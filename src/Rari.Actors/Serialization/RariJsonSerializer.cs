using Akka.Actor;
using Akka.Serialization;

namespace Rari.Actors.Serialization;

/// <summary>
/// The Akka serializer of every Rari message, event and snapshot: JSON (see <see cref="RariJson"/>) with a stable
/// manifest from <see cref="MessageManifests"/>, so the journal holds <c>(serializer id 7274, "grid.order-placed.v1",
/// JSON)</c> and no CLR type name.
/// </summary>
/// <remarks>
/// Bound by <see cref="RariSerialization.Config"/> to <see cref="IRariMessage"/>, <c>IStrategyEvent</c>,
/// <c>IOrderEvent</c>, <c>IRiskEvent</c>, <c>IStrategyState</c> and <c>RiskState</c>. The id
/// <see cref="SerializerId"/> is written into every journal row and snapshot: it never changes.
/// </remarks>
public sealed class RariJsonSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's id in journals and on the wire: 7274 ("RARI" on a phone keypad). Never change it.</summary>
    public const int SerializerId = 7274;

    private readonly RariJson _json;

    /// <summary>Created by Akka's serialization extension from the <c>akka.actor.serializers</c> entry.</summary>
    public RariJsonSerializer(ExtendedActorSystem system)
        : this(system, RariJson.Default)
    {
    }

    /// <summary>Creates the serializer over a codec of one's own (a registry with extra families, for tools and specs).</summary>
    public RariJsonSerializer(ExtendedActorSystem system, RariJson json)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(json);
        _json = json;
    }

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <inheritdoc />
    public override string Manifest(object o) => _json.ManifestOf(o);

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => _json.ToBytes(obj);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => _json.FromBytes(bytes, manifest);
}
