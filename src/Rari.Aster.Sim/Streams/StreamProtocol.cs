using System.Text.Json;
using Rari.Aster.Sim.Json;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// The live-subscription protocol of a stream connection (fact sheet §4.2): SUBSCRIBE, UNSUBSCRIBE,
/// LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY (property <c>combined</c>), with the documented error replies:
/// code 0 unknown property, 1 invalid value type, 2 invalid request, 3 invalid JSON. A missing or repeated
/// <c>id</c> is accepted and echoed (null when missing), as ccxt relies on.
/// </summary>
internal static class StreamProtocol
{
    /// <summary>Answers one client message on <paramref name="connection"/>.</summary>
    public static void Handle(StreamHub hub, StreamConnection connection, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            connection.Enqueue(Error(3, "Invalid JSON: " + e.Message, null));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                connection.Enqueue(Error(2, "Invalid request: expected an object", null));
                return;
            }

            var id = root.TryGetProperty("id", out var idElement) ? idElement : default;
            if (id.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null) && !(id.ValueKind == JsonValueKind.Number && id.TryGetUInt64(out _)))
            {
                connection.Enqueue(Error(2, "Invalid request: request ID must be an unsigned integer", null));
                return;
            }

            if (!root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                connection.Enqueue(Error(2, "Invalid request: missing field `method`", id));
                return;
            }

            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            connection.Enqueue(methodElement.GetString() switch
            {
                "SUBSCRIBE" => Subscribe(hub, connection, parameters, id),
                "UNSUBSCRIBE" => Unsubscribe(connection, parameters, id),
                "LIST_SUBSCRIPTIONS" => Result(id, w =>
                {
                    w.WriteStartArray();
                    foreach (var stream in connection.Subscriptions)
                    {
                        w.WriteStringValue(stream.Name);
                    }

                    w.WriteEndArray();
                }),
                "SET_PROPERTY" => SetProperty(connection, parameters, id),
                "GET_PROPERTY" => GetProperty(connection, parameters, id),
                var method => Error(2, $"Invalid request: unknown variant `{method}`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`", id),
            });
        }
    }

    private static string Subscribe(StreamHub hub, StreamConnection connection, JsonElement parameters, JsonElement id)
    {
        if (!TryNames(parameters, out var names))
        {
            return Error(2, "Invalid request: params must be an array of stream names", id);
        }

        var streams = new List<StreamName>();
        foreach (var name in names)
        {
            if (hub.Resolve(name) is not { } stream)
            {
                return Error(2, $"Invalid request: unknown stream name `{name}`", id);
            }

            streams.Add(stream);
        }

        return connection.Subscribe(streams, hub.MaxStreams)
            ? Result(id, w => w.WriteNullValue())
            : Error(2, $"Invalid request: a connection may listen to at most {hub.MaxStreams} streams", id);
    }

    private static string Unsubscribe(StreamConnection connection, JsonElement parameters, JsonElement id)
    {
        if (!TryNames(parameters, out var names))
        {
            return Error(2, "Invalid request: params must be an array of stream names", id);
        }

        connection.Unsubscribe(names);
        return Result(id, w => w.WriteNullValue());
    }

    private static string SetProperty(StreamConnection connection, JsonElement parameters, JsonElement id)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 2)
        {
            return Error(2, "Invalid request: SET_PROPERTY takes a property name and a value", id);
        }

        if (parameters[0].ValueKind != JsonValueKind.String)
        {
            return Error(2, "Invalid request: property name must be a string", id);
        }

        if (parameters[0].GetString() != "combined")
        {
            return Error(0, "Unknown property", id);
        }

        if (parameters[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Error(1, "Invalid value type: expected Boolean", id);
        }

        connection.Combined = parameters[1].GetBoolean();
        return Result(id, w => w.WriteNullValue());
    }

    private static string GetProperty(StreamConnection connection, JsonElement parameters, JsonElement id)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 1)
        {
            return Error(2, "Invalid request: GET_PROPERTY takes a property name", id);
        }

        if (parameters[0].ValueKind != JsonValueKind.String)
        {
            return Error(2, "Invalid request: property name must be a string", id);
        }

        return parameters[0].GetString() == "combined"
            ? Result(id, w => w.WriteBooleanValue(connection.Combined))
            : Error(0, "Unknown property", id);
    }

    private static bool TryNames(JsonElement parameters, out List<string> names)
    {
        names = [];
        if (parameters.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in parameters.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            names.Add(item.GetString()!);
        }

        return true;
    }

    private static string Result(JsonElement id, Action<Utf8JsonWriter> writeResult) => JsonBody.BuildText(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("result");
        writeResult(w);
        WriteId(w, id);
        w.WriteEndObject();
    });

    private static string Error(int code, string message, JsonElement? id) => JsonBody.BuildText(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
        WriteId(w, id ?? default);
        w.WriteEndObject();
    });

    private static void WriteId(Utf8JsonWriter w, JsonElement id)
    {
        w.WritePropertyName("id");
        if (id.ValueKind == JsonValueKind.Number)
        {
            id.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
