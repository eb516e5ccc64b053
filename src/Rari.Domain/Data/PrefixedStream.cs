namespace Rari.Domain.Data;

/// <summary>
/// A read-only stream that first replays a few bytes already taken from an inner, non-seekable stream (the gzip magic
/// check), then continues with the inner stream.
/// </summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _prefix;
    private readonly Stream _inner;
    private readonly bool _ownsInner;
    private int _prefixPosition;

    public PrefixedStream(byte[] prefix, Stream inner, bool ownsInner)
    {
        _prefix = prefix;
        _inner = inner;
        _ownsInner = ownsInner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < _prefix.Length)
        {
            var count = Math.Min(buffer.Length, _prefix.Length - _prefixPosition);
            _prefix.AsSpan(_prefixPosition, count).CopyTo(buffer);
            _prefixPosition += count;
            return count;
        }

        return _inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInner)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
