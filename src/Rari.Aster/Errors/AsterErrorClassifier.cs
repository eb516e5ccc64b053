using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rari.Aster.Errors;

/// <summary>
/// Turns an Aster answer into an error category: error bodies are recognised as ccxt does (fact sheet §5.2: any
/// JSON object whose <c>code</c> is not 200 or "200", whatever the HTTP status), and categorised by HTTP status
/// (§5.1) and error code (§5.3).
/// </summary>
public static class AsterErrorClassifier
{
    private const string BannedUntil = "banned until ";

    /// <summary>
    /// Reads an error from a response body: a JSON object with a <c>code</c> other than 200 / "200". Arrays (batch
    /// results) and objects without <c>code</c> are not errors.
    /// </summary>
    public static bool TryReadError(ReadOnlySpan<byte> utf8Body, out AsterVenueError error)
    {
        error = default;
        var reader = new Utf8JsonReader(utf8Body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            int? code = null;
            var hasCode = false;
            var isSuccess = false;
            var message = string.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "code")
                {
                    hasCode = true;
                    (code, isSuccess) = ReadCode(ref reader);
                }
                else if (name == "msg" && reader.TokenType == JsonTokenType.String)
                {
                    message = reader.GetString() ?? string.Empty;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!hasCode || isSuccess)
            {
                return false;
            }

            error = new AsterVenueError(code, message);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads an error from a response body given as text.</summary>
    public static bool TryReadError(string body, out AsterVenueError error) =>
        TryReadError(Encoding.UTF8.GetBytes(body ?? string.Empty), out error);

    /// <summary>
    /// The category of a failure from its HTTP status (null when no response came) and Aster code (null when the
    /// body held none). 418, 429 and 503 decide by status alone; otherwise the code decides, then the status.
    /// </summary>
    public static AsterErrorCategory Classify(int? httpStatus, int? code)
    {
        switch (httpStatus)
        {
            case 418:
                return AsterErrorCategory.IpBanned;
            case 429:
                return AsterErrorCategory.RateLimited;
            case 503:
                // "The request was sent but no response came in time. The execution status is UNKNOWN" (§5.1).
                return AsterErrorCategory.UnknownExecutionStatus;
        }

        if (code is { } c && ByCode(c) is { } byCode)
        {
            return byCode;
        }

        return httpStatus switch
        {
            401 => AsterErrorCategory.Authentication,
            403 => AsterErrorCategory.Firewall,
            >= 500 => AsterErrorCategory.ServerError,
            >= 400 => AsterErrorCategory.InvalidRequest,
            _ => AsterErrorCategory.Other,
        };
    }

    /// <summary>
    /// The ban end in a −1003 message such as "Way too many requests; IP banned until 1562862532466.", in epoch ms.
    /// </summary>
    public static bool TryReadBanEnd(string? message, out long untilMs)
    {
        untilMs = 0;
        var at = message?.IndexOf(BannedUntil, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return false;
        }

        var digits = message.AsSpan(at + BannedUntil.Length);
        var length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }

        return length > 0 && long.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out untilMs);
    }

    private static AsterErrorCategory? ByCode(int code) => code switch
    {
        -1002 or -1022 or -2014 or -2015 => AsterErrorCategory.Authentication,
        -1021 or -4225 => AsterErrorCategory.InvalidTimestamp,
        -1003 or -1015 => AsterErrorCategory.RateLimited,
        -1006 or -1007 => AsterErrorCategory.UnknownExecutionStatus,
        -1000 or -1001 or -1016 => AsterErrorCategory.ServerError,
        -2011 or -2013 => AsterErrorCategory.UnknownOrder,
        -2018 or -2019 or -2027 or -2028 or -4050 or -4051 => AsterErrorCategory.InsufficientMargin,
        -2010 or -2016 or <= -2020 and >= -2026 or -4045 or -4061 or -4062 or -4087 or -4088 or -4118
            or <= -4137 and >= -4142 => AsterErrorCategory.OrderRejected,
        <= -4001 and >= -4014 or <= -4016 and >= -4024 or -4131 or -4164 or -4183 or -4184 or -5060 or -5076
            => AsterErrorCategory.FilterViolation,
        <= -1000 and > -5000 => AsterErrorCategory.InvalidRequest,
        _ => null,
    };

    private static (int? Code, bool IsSuccess) ReadCode(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var number) ? (number, number == 200) : (null, false);
            case JsonTokenType.String:
                // Cancel-all answers {"code":"200",...}: the success code as a string (§3.3).
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                return Utf8Parser.TryParse(span, out int parsed, out var consumed) && consumed == span.Length
                    ? (parsed, parsed == 200)
                    : (null, false);
            default:
                reader.Skip();
                return (null, false);
        }
    }
}
