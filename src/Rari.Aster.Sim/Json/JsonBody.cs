using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rari.Aster.Sim.Json;

/// <summary>Builds compact UTF-8 JSON documents with a hand-written writer callback.</summary>
public static class JsonBody
{
    /// <summary>
    /// Compact output that leaves non-ASCII and HTML-sensitive characters unescaped, as the exchange sends them
    /// (the simulator's JSON never ends up inside HTML).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the bytes it wrote.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Like <see cref="Build"/>, returned as text (for WebSocket frames and logs).</summary>
    public static string BuildText(Action<Utf8JsonWriter> write) => System.Text.Encoding.UTF8.GetString(Build(write));
}
