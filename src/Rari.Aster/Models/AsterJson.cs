using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rari.Aster.Models;

/// <summary>
/// How Aster's JSON is read: camelCase names, decimals from numbers or strings, lenient booleans and text, enums
/// that keep unknown values, and the positional arrays of klines and book levels.
/// </summary>
public static class AsterJson
{
    /// <summary>The serializer options for every Aster response.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Reads a response body.</summary>
    /// <exception cref="JsonException">The body does not have the expected shape.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            Converters =
            {
                new LenientStringConverter(),
                new LenientDecimalConverter(),
                new LenientBooleanConverter(),
                new WireValueConverterFactory(),
                new BookLevelConverter(),
                new AsterKlineConverter(),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
