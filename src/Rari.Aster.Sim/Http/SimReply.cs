using System.Text.Json;
using Rari.Aster.Sim.Json;

namespace Rari.Aster.Sim.Http;

/// <summary>
/// What an endpoint answers: an HTTP status and a JSON body, plus the Aster error code when the body is an error (for
/// the request log).
/// </summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The UTF-8 JSON body.</param>
/// <param name="ErrorCode">The <c>code</c> of an error reply; null for a success.</param>
public sealed record SimReply(int Status, ReadOnlyMemory<byte> Body, int? ErrorCode = null)
{
    /// <summary>An empty JSON object, <c>{}</c> (ping, listenKey keepalive and close).</summary>
    public static SimReply EmptyObject { get; } = new(200, "{}"u8.ToArray());

    /// <summary>A 200 reply whose body <paramref name="write"/> writes.</summary>
    public static SimReply Json(Action<Utf8JsonWriter> write) => new(200, JsonBody.Build(write));

    /// <summary>The documented success acknowledgement <c>{"code":200,"msg":"…"}</c>.</summary>
    public static SimReply Success(string message = "success") => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", 200);
        w.WriteString("msg", message);
        w.WriteEndObject();
    });

    /// <summary>An Aster error reply: <c>{"code":…,"msg":"…"}</c> with the error's HTTP status.</summary>
    public static SimReply Error(AsterError error) => new(
        error.HttpStatus,
        JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", error.Code);
            w.WriteString("msg", error.Message);
            w.WriteEndObject();
        }),
        error.Code);
}
