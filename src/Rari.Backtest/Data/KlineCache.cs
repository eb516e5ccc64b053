using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Rari.Domain.Data;
using Rari.Domain.Market;

namespace Rari.Backtest.Data;

/// <summary>
/// A binary cache of parsed kline files: the first load of a CSV or CSV.gz file parses it and writes its klines, as
/// they lie in memory, to a cache file; later loads map that file into memory and copy the rows out in one block,
/// without parsing.
/// </summary>
/// <remarks>
/// <para><b>Format</b> (<c>.klc</c>, one file per source file): a 64-byte header — the magic <c>RARIKLC1</c>, the format
/// version, the size of one <see cref="Kline"/>, the source file's length and last-write time (UTC ticks), the row
/// count — then the rows. The rows are <see cref="Kline"/> values byte for byte (little-endian, .NET's decimal layout),
/// so a cache is only valid on the machine kind that wrote it; the header's row size and the little-endian check guard
/// against reading one elsewhere.</para>
/// <para><b>Validity</b>: a cache file is used only when its header names the source's current length and last-write
/// time; otherwise the source is parsed again and the cache rewritten. A cache is written to a temporary file and
/// renamed into place, so a reader never sees half a file, and two processes loading at once both get valid data.</para>
/// <para>The parse is the same <see cref="KlineCsvReader"/> every load uses, so cached and parsed rows are identical
/// (the validation of every row happens once, when the cache is written).</para>
/// </remarks>
public sealed class KlineCache
{
    private const int HeaderBytes = 64;
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "RARIKLC1"u8.ToArray();

    /// <summary>A cache in <paramref name="directory"/> (created on the first write).</summary>
    public KlineCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder holding the cache files.</summary>
    public string Directory { get; }

    /// <summary>
    /// The default folder: <c>$XDG_CACHE_HOME/rari/klines</c>, else <c>~/.cache/rari/klines</c>.
    /// </summary>
    public static string DefaultDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(root, "rari", "klines");
    }

    /// <summary>The cache file that belongs to <paramref name="sourcePath"/> (whether or not it exists yet).</summary>
    public string CachePathOf(string sourcePath)
    {
        var full = Path.GetFullPath(sourcePath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        return Path.Combine(Directory, $"{Path.GetFileName(full)}.{hash}.klc");
    }

    /// <summary>Whether a valid cache file exists for <paramref name="sourcePath"/> as it is now.</summary>
    public bool IsCached(string sourcePath) => TryReadHeader(CachePathOf(sourcePath), new FileInfo(sourcePath), out _);

    /// <summary>
    /// The klines of a CSV or CSV.gz file: from its cache file when that is valid, otherwise parsed (and the cache
    /// written).
    /// </summary>
    /// <exception cref="MarketDataFormatException">The source is malformed (the message names the file and line).</exception>
    /// <exception cref="IOException">The source cannot be read.</exception>
    public Kline[] Load(string sourcePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        var source = new FileInfo(sourcePath);
        var cachePath = CachePathOf(sourcePath);
        if (TryReadHeader(cachePath, source, out var count))
        {
            return ReadRows(cachePath, count);
        }

        Kline[] rows = [.. KlineCsvReader.Read(sourcePath)];
        Write(cachePath, source, rows);
        return rows;
    }

    private static int RowBytes => Unsafe.SizeOf<Kline>();

    private static bool TryReadHeader(string cachePath, FileInfo source, out long count)
    {
        count = 0;
        if (!BitConverter.IsLittleEndian || !File.Exists(cachePath) || !source.Exists)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        using (var stream = new FileStream(cachePath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete))
        {
            if (stream.Length < HeaderBytes || stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
            {
                return false;
            }

            count = BitConverter.ToInt64(header[40..]);
            var valid = header[..8].SequenceEqual(Magic)
                && BitConverter.ToInt32(header[8..]) == FormatVersion
                && BitConverter.ToInt32(header[12..]) == RowBytes
                && BitConverter.ToInt64(header[16..]) == source.Length
                && BitConverter.ToInt64(header[24..]) == source.LastWriteTimeUtc.Ticks
                && count >= 0
                && stream.Length == HeaderBytes + (count * RowBytes);
            return valid;
        }
    }

    private static Kline[] ReadRows(string cachePath, long count)
    {
        if (count == 0)
        {
            return [];
        }

        // Every row is overwritten from the map, so the array need not be zeroed first.
        var rows = GC.AllocateUninitializedArray<Kline>((int)count);

        using var map = MemoryMappedFile.CreateFromFile(cachePath, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(HeaderBytes, count * RowBytes, MemoryMappedFileAccess.Read);
        view.ReadArray(0, rows, 0, rows.Length);
        return rows;
    }

    private void Write(string cachePath, FileInfo source, Kline[] rows)
    {
        var temporary = $"{cachePath}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Span<byte> header = stackalloc byte[HeaderBytes];
                header.Clear();
                Magic.CopyTo(header);
                BitConverter.TryWriteBytes(header[8..], FormatVersion);
                BitConverter.TryWriteBytes(header[12..], RowBytes);
                BitConverter.TryWriteBytes(header[16..], source.Length);
                BitConverter.TryWriteBytes(header[24..], source.LastWriteTimeUtc.Ticks);
                BitConverter.TryWriteBytes(header[40..], (long)rows.Length);
                stream.Write(header);
                stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows.AsSpan()));
            }

            File.Move(temporary, cachePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written (read-only folder, full disk) costs speed, not correctness: the rows
            // were parsed and are returned all the same.
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do about a temporary file that will not go.
        }
    }
}
