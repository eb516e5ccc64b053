using System.IO.Compression;
using System.Text;

namespace Rari.Domain.Tests.Data;

/// <summary>A folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rari-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Path(string fileName) => System.IO.Path.Combine(Root, fileName);

    /// <summary>Writes <paramref name="text"/> as UTF-8 to a file, gzip-compressed when <paramref name="gzip"/>.</summary>
    public string Write(string fileName, string text, bool gzip = false)
    {
        var path = Path(fileName);
        using var file = File.Create(path);
        using Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        var bytes = Encoding.UTF8.GetBytes(text);
        target.Write(bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}

/// <summary>Wraps a stream and hides its seeking, like a network or pipe stream.</summary>
internal sealed class NonSeekableStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
