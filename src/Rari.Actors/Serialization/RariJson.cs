using System.Runtime.Serialization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Rari.Actors.Serialization.Json;

namespace Rari.Actors.Serialization;

/// <summary>
/// The JSON form of every journaled and remoted type: System.Text.Json with the registry's manifests, used by
/// <see cref="RariJsonSerializer"/> and usable without an actor system (specs, tools that read a journal).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Members are camelCase; enums are their journaled numbers (never renumbered, see the Domain's enums).</item>
/// <item>Decimals are JSON numbers written with their scale (<c>1.50</c> stays <c>1.50</c>) and read back exactly.</item>
/// <item>Text identifiers (<c>Symbol</c>, <c>ClientOrderId</c>, <c>StrategyId</c>, <c>AccountId</c>) are plain JSON
/// strings, validated on read; the venue's numeric ids (<c>VenueOrderId</c>, <c>TradeId</c>) are plain JSON numbers.</item>
/// <item><c>ValueList</c>, <c>ImmutableArray</c>, lists and dictionaries (symbol keys included) are JSON arrays and objects.</item>
/// <item>Members typed as an interface or abstract type carry <c>"$type": "&lt;manifest&gt;"</c>.</item>
/// <item>Reading is strict where silence would corrupt state: a missing constructor parameter without a default, a
/// missing <c>required</c> member or a null in a non-nullable member fails the read. Unknown members are ignored, so a
/// removed member does not break old payloads.</item>
/// </list>
/// </remarks>
public sealed class RariJson
{
    /// <summary>Creates the codec over <paramref name="manifests"/>.</summary>
    public RariJson(MessageManifests manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        Manifests = manifests;
        var contract = new RariJsonContract(manifests);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

            // The JSON is stored, never embedded in HTML: keep quotes, '<' and non-ASCII readable in the journal tables.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { contract.Modify } },
            Converters =
            {
                new SymbolConverter(),
                new ClientOrderIdConverter(),
                new StrategyIdConverter(),
                new AccountIdConverter(),
                new VenueOrderIdConverter(),
                new TradeIdConverter(),
                new OrderIntentConverter(),
                new ValueListConverterFactory(),
                new ImmutableArrayConverterFactory(),
            },
        };
        options.MakeReadOnly();
        Options = options;
    }

    /// <summary>The codec over <see cref="MessageManifests.Default"/>.</summary>
    public static RariJson Default { get; } = new(MessageManifests.Default);

    /// <summary>The registry of manifests.</summary>
    public MessageManifests Manifests { get; }

    /// <summary>The serializer options (read-only).</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The manifest of <paramref name="message"/>'s type.</summary>
    /// <exception cref="SerializationException">The type is not registered; the message says where to add it.</exception>
    public string ManifestOf(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Manifests.TryGetManifest(message.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException(MessageManifests.Unregistered(message.GetType()));
    }

    /// <summary>The UTF-8 JSON of <paramref name="message"/>.</summary>
    /// <exception cref="SerializationException">The type, or a value in one of its interface-typed members, is not registered.</exception>
    public byte[] ToBytes(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), Options);
        }
        catch (NotSupportedException e)
        {
            throw new SerializationException($"{message.GetType().FullName} cannot be serialized: {e.Message}", e);
        }
    }

    /// <summary>The JSON of <paramref name="message"/> as text (diagnostics, specs).</summary>
    public string ToJson(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return System.Text.Encoding.UTF8.GetString(ToBytes(message));
    }

    /// <summary>Reads a payload written under <paramref name="manifest"/>.</summary>
    /// <exception cref="SerializationException">The manifest is unknown, or the payload does not fit its type.</exception>
    public object FromBytes(ReadOnlySpan<byte> bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!Manifests.TryGetType(manifest, out var type))
        {
            throw new SerializationException(MessageManifests.Unknown(manifest));
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type, Options)
                ?? throw new SerializationException($"The '{manifest}' payload is JSON null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new SerializationException($"The '{manifest}' payload cannot be read as {type.FullName}: {e.Message}", e);
        }
    }
}
