using System.Text.Json;
using System.Text.Json.Serialization;
using Rari.Domain.Strategies.Grid;

namespace Rari.Actors.Serialization.Json;

/// <summary>Writes a <see cref="ValueList{T}"/> as a JSON array and reads it back (an absent or null list reads as empty).</summary>
internal sealed class ValueListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override bool HandleNull => true;

        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return ValueList.Empty<T>();
            }

            var items = JsonSerializer.Deserialize<T[]>(ref reader, options) ?? [];
            return ValueList.From(items);
        }

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStartArray();
            if (value is not null)
            {
                foreach (var item in value)
                {
                    // Through the declared element type, so interface-typed elements keep their manifest.
                    JsonSerializer.Serialize(writer, item, options);
                }
            }

            writer.WriteEndArray();
        }
    }
}
