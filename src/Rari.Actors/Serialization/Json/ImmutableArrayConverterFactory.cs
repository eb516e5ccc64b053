using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rari.Actors.Serialization.Json;

/// <summary>
/// Writes an <see cref="ImmutableArray{T}"/> as a JSON array, a default (uninitialised) one as <c>[]</c> — the Domain's
/// equality treats the two alike, and the built-in converter would throw on it — and reads null as empty.
/// </summary>
internal sealed class ImmutableArrayConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ImmutableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ImmutableArrayConverter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override bool HandleNull => true;

        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return [];
            }

            var items = JsonSerializer.Deserialize<T[]>(ref reader, options) ?? [];
            return ImmutableArray.Create(items);
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStartArray();
            if (!value.IsDefault)
            {
                foreach (var item in value)
                {
                    JsonSerializer.Serialize(writer, item, options);
                }
            }

            writer.WriteEndArray();
        }
    }
}
