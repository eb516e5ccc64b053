using System.Globalization;
using Rari.Domain.Identifiers;

namespace Rari.Domain.Orders;

/// <summary>
/// Derives client order ids from (prefix, strategy, symbol, sequence) and reads them back, so that a retry or a
/// restart re-creates the very same id and reconciliation recognises our orders among the venue's.
/// </summary>
/// <remarks>
/// <para>Scheme: <c>{prefix}-{strategy}-{symbol tag}-{sequence}</c>, for example <c>rari-grid-BTCUSDT-000123</c>.
/// The sequence is decimal, zero-padded to <see cref="MinSequenceDigits"/> digits. Pure: the same inputs give the
/// same id on every machine and in every run.</para>
/// <para>The symbol tag is the symbol itself when it fits Aster's 36-character limit. Otherwise it is shortened
/// deterministically to its leading characters, a <c>.</c> and a four-character checksum of the whole symbol
/// (<c>rari-volatility-1000000M.J0QD-000001</c>); such an id is exactly 36 characters long. A shortened tag cannot
/// give the symbol back, but <see cref="ClientOrderIdParts.IsFor"/> confirms it against the symbol that every
/// venue report carries.</para>
/// <para>The limits on prefix, strategy and sequence guarantee that even a 32-character symbol fits.</para>
/// </remarks>
public sealed class ClientOrderIdFactory
{
    /// <summary>The prefix used when none is configured.</summary>
    public const string DefaultPrefix = "rari";

    /// <summary>The longest prefix allowed.</summary>
    public const int MaxPrefixLength = 6;

    /// <summary>The longest strategy id that can go into a client order id.</summary>
    public const int MaxStrategyLength = 10;

    /// <summary>The sequence is zero-padded to at least this many digits.</summary>
    public const int MinSequenceDigits = 6;

    /// <summary>The largest sequence number (ten digits).</summary>
    public const long MaxSequence = 9_999_999_999;

    private const char Separator = '-';
    private const char ShortenedMark = '.';
    private const int ChecksumLength = 4;
    private const string ChecksumDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Creates a factory whose ids start with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">1-6 ASCII letters, digits or <c>_</c>; identifies this trader's orders on the account.</param>
    /// <exception cref="ArgumentException">The prefix is empty, too long or has another character.</exception>
    public ClientOrderIdFactory(string prefix = DefaultPrefix)
    {
        if (!IsWord(prefix, MaxPrefixLength))
        {
            throw new ArgumentException(
                $"'{prefix}' cannot prefix client order ids: use 1-{MaxPrefixLength} ASCII letters, digits or '_'.", nameof(prefix));
        }

        Prefix = prefix;
    }

    /// <summary>The text every id of this factory starts with, before the first <c>-</c>.</summary>
    public string Prefix { get; }

    /// <summary>The id of the <paramref name="sequence"/>-th order of <paramref name="strategyId"/> on <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The strategy id is empty, longer than <see cref="MaxStrategyLength"/> or has a character other than letters, digits and <c>_</c>; or the symbol is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is negative or above <see cref="MaxSequence"/>.</exception>
    public ClientOrderId Create(StrategyId strategyId, Symbol symbol, long sequence)
    {
        if (!IsWord(strategyId.Value, MaxStrategyLength))
        {
            throw new ArgumentException(
                $"strategy '{strategyId}' cannot go into a client order id: use 1-{MaxStrategyLength} ASCII letters, digits or '_'.",
                nameof(strategyId));
        }

        if (symbol.Value is null)
        {
            throw new ArgumentException("symbol is required, for example BTCUSDT.", nameof(symbol));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);

        var sequenceText = FormatSequence(sequence);
        var tag = SymbolTag(Prefix, strategyId.Value, symbol.Value, sequenceText);
        return new ClientOrderId(string.Join(Separator, Prefix, strategyId.Value, tag, sequenceText));
    }

    /// <summary>True when <paramref name="id"/> is one this factory makes (our prefix and a well-formed rest).</summary>
    public bool IsOurs(ClientOrderId id) => TryParse(id, out _);

    /// <summary>Reads strategy, symbol tag and sequence back out of an id this factory made.</summary>
    /// <returns>False for an id with another prefix (another trader, a liquidation <c>autoclose-…</c>) or of another shape.</returns>
    public bool TryParse(ClientOrderId id, out ClientOrderIdParts parts)
    {
        parts = default;
        var fields = id.Value?.Split(Separator);
        if (fields is not [var prefix, var strategy, var tag, var sequenceText]
            || !string.Equals(prefix, Prefix, StringComparison.Ordinal)
            || !IsWord(strategy, MaxStrategyLength)
            || !TryParseSequence(sequenceText, out var sequence)
            || !IsWellFormedTag(tag, id.Value!.Length))
        {
            return false;
        }

        parts = new ClientOrderIdParts(prefix, new StrategyId(strategy), tag, sequence);
        return true;
    }

    /// <summary>The symbol tag for these fields: the symbol when it fits, else its deterministic short form.</summary>
    internal static string SymbolTag(string prefix, string strategy, string symbol, string sequenceText)
    {
        var budget = ClientOrderId.MaxLength - prefix.Length - strategy.Length - sequenceText.Length - 3;
        if (symbol.Length <= budget)
        {
            return symbol;
        }

        var headLength = budget - 1 - ChecksumLength;
        return string.Concat(symbol.AsSpan(0, headLength), ShortenedMark.ToString(), Checksum(symbol));
    }

    internal static string FormatSequence(long sequence) =>
        sequence.ToString("D" + MinSequenceDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static bool TryParseSequence(string text, out long sequence)
    {
        sequence = 0;

        // Only the canonical spelling counts, so that one order has exactly one id: no missing padding, no extra zeros.
        var maxDigits = MaxSequence.ToString(CultureInfo.InvariantCulture).Length;
        if (text.Length < MinSequenceDigits || text.Length > maxDigits || !text.All(char.IsAsciiDigit)
            || (text.Length > MinSequenceDigits && text[0] == '0'))
        {
            return false;
        }

        sequence = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsWellFormedTag(string tag, int idLength)
    {
        var mark = tag.IndexOf(ShortenedMark, StringComparison.Ordinal);
        if (mark < 0)
        {
            return IsSymbolText(tag);
        }

        // A shortened tag only exists because the full symbol did not fit, so it fills the id to the limit.
        return idLength == ClientOrderId.MaxLength
            && IsSymbolText(tag[..mark])
            && tag.Length - mark - 1 == ChecksumLength
            && tag[(mark + 1)..].All(c => ChecksumDigits.Contains(c, StringComparison.Ordinal));
    }

    private static bool IsSymbolText(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    private static bool IsWord(string? text, int maxLength) =>
        !string.IsNullOrEmpty(text) && text.Length <= maxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // FNV-1a (32 bit) of the symbol's characters, written as four base-36 digits. string.GetHashCode is
    // randomised per process, so it must not be used for anything that is persisted or sent.
    private static string Checksum(string symbol)
    {
        const uint offsetBasis = 2_166_136_261;
        const uint prime = 16_777_619;
        var hash = offsetBasis;
        foreach (var c in symbol)
        {
            hash = unchecked((hash ^ c) * prime);
        }

        Span<char> digits = stackalloc char[ChecksumLength];
        var rest = hash % (36u * 36u * 36u * 36u);
        for (var i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = ChecksumDigits[(int)(rest % 36u)];
            rest /= 36u;
        }

        return new string(digits);
    }
}
