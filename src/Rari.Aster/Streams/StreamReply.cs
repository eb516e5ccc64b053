using System.Text.Json;

namespace Rari.Aster.Streams;

/// <summary>
/// The venue's answer to a live-subscription request (fact sheet §4.2): <c>{"result":…,"id":n}</c> or
/// <c>{"code":c,"msg":"…","id":n}</c>.
/// </summary>
/// <param name="Id">The request id echoed, or null.</param>
/// <param name="Code">The error code (0 unknown property, 1 bad value type, 2 invalid request, 3 invalid JSON); null on success.</param>
/// <param name="Message">The error text; null on success.</param>
/// <param name="Result">The result (null for SUBSCRIBE, a list for LIST_SUBSCRIPTIONS), detached from the message.</param>
internal sealed record StreamReply(long? Id, int? Code, string? Message, JsonElement Result)
{
    /// <summary>Whether the venue refused the request.</summary>
    public bool IsError => Code is not null;

    /// <summary>
    /// Reads a reply: an object without an event type (<c>e</c>) or a stream wrapper, holding <c>result</c>, or
    /// <c>code</c> and <c>msg</c>. Anything else is a data payload.
    /// </summary>
    public static bool TryRead(JsonElement root, out StreamReply reply)
    {
        reply = null!;
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("e", out _) || root.TryGetProperty("stream", out _))
        {
            return false;
        }

        var hasResult = root.TryGetProperty("result", out var result);
        var hasCode = root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number;
        if (!hasResult && !hasCode)
        {
            return false;
        }

        long? id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out var number)
            ? number
            : null;
        reply = hasCode
            ? new StreamReply(id, code.TryGetInt32(out var c) ? c : int.MinValue, root.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null, default)
            : new StreamReply(id, null, null, result.Clone());
        return true;
    }
}
