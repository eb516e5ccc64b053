using System.Buffers;
using System.IO.Compression;

namespace Rari.Domain.Data;

/// <summary>
/// Reads a text file line by line as UTF-8 byte spans from one pooled buffer, so parsing allocates nothing per line.
/// Gzip input is recognised by its magic bytes (1F 8B), whatever the file is called, and inflated on the fly.
/// </summary>
/// <remarks>
/// <para>Lines end at <c>\n</c>; a trailing <c>\r</c> is removed, and so is a UTF-8 byte-order mark.</para>
/// <para>.NET's <see cref="GZipStream"/> does not notice a truncated file: it just ends early. So for seekable gzip
/// input the reader compares the bytes inflated with the size in the gzip trailer (ISIZE, the last four bytes) and
/// fails on a mismatch, instead of silently returning part of the data. This assumes one gzip member per file, which is
/// what gzip, Python and pandas write; concatenated members are reported as corrupt.</para>
/// </remarks>
internal sealed class Utf8LineReader : IDisposable
{
    // Far longer than any CSV row; a longer "line" means the input is not the text file it claims to be.
    private const int MaxLineLength = 1 << 20;
    private const int InitialBufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string _sourceName;
    private readonly uint? _expectedLength;
    private long _totalRead;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    private Utf8LineReader(Stream stream, bool ownsStream, string sourceName, uint? expectedLength)
    {
        _stream = stream;
        _expectedLength = expectedLength;
        _ownsStream = ownsStream;
        _sourceName = sourceName;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            SkipByteOrderMark();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The 1-based number of the line last returned; 0 before the first.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Opens a file, plain or gzip-compressed.</summary>
    public static Utf8LineReader Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, InitialBufferSize, FileOptions.SequentialScan);
        try
        {
            return Open(file, ownsStream: true, Path.GetFileName(path));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads from a stream, plain or gzip-compressed; disposes it at the end only when <paramref name="ownsStream"/>.</summary>
    public static Utf8LineReader Open(Stream stream, bool ownsStream, string sourceName)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var isGzip = read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;

        Stream source;
        uint? expectedLength = null;
        if (stream.CanSeek)
        {
            stream.Seek(-read, SeekOrigin.Current);
            source = stream;
            if (isGzip)
            {
                expectedLength = ReadGzipTrailerLength(stream);
            }
        }
        else
        {
            source = new PrefixedStream(magic[..read].ToArray(), stream, ownsStream);
            ownsStream = true;
        }

        if (isGzip)
        {
            source = new GZipStream(source, CompressionMode.Decompress, leaveOpen: !ownsStream);
            ownsStream = true;
        }

        return new Utf8LineReader(source, ownsStream, sourceName, expectedLength);
    }

    /// <summary>Reads the next line (without its terminator); false at the end of the input.</summary>
    /// <remarks>The span is valid only until the next call.</remarks>
    /// <exception cref="MarketDataFormatException">A line is longer than 1 MiB or the gzip data is corrupt.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(pending[..newline]);
                _start += newline + 1;
                LineNumber++;
                return true;
            }

            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = TrimCarriageReturn(pending);
                _start = _end;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }

        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineLength)
            {
                throw new MarketDataFormatException(
                    _sourceName, LineNumber + 1, 0, null, "the line is longer than 1 MiB; this is not a CSV file of market data");
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException ex)
        {
            throw new MarketDataFormatException(
                _sourceName, LineNumber + 1, 0, null, $"the gzip data is corrupt or truncated ({ex.Message})", ex);
        }

        if (read == 0)
        {
            _endOfStream = true;
            if (_expectedLength is { } expected && (uint)_totalRead != expected)
            {
                throw new MarketDataFormatException(_sourceName, LineNumber + 1, 0, null, FormattableString.Invariant(
                    $"the gzip data ends after {_totalRead} bytes but its trailer promises {expected} (mod 2^32); the file is truncated or corrupt"));
            }
        }
        else
        {
            _end += read;
            _totalRead += read;
        }
    }

    // ISIZE: the uncompressed length mod 2^32, little-endian in the last 4 bytes of a gzip member; null if too short.
    private static uint? ReadGzipTrailerLength(Stream stream)
    {
        const int MinimumGzipLength = 18; // 10-byte header + 8-byte trailer
        var start = stream.Position;
        if (stream.Length - start < MinimumGzipLength)
        {
            return null;
        }

        Span<byte> trailer = stackalloc byte[4];
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(trailer);
        stream.Seek(start, SeekOrigin.Begin);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private void SkipByteOrderMark()
    {
        while (_end < 3 && !_endOfStream)
        {
            Fill();
        }

        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            _start = 3;
        }
    }
}
