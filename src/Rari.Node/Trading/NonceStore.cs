using System.Globalization;

namespace Rari.Node.Trading;

/// <summary>
/// Keeps the last V3 nonce the client issued in a small file, so that after a restart (even a crash) the next nonce is
/// still above every nonce the venue has seen — Aster refuses a repeated or older nonce.
/// </summary>
/// <remarks>
/// Nonces are microsecond timestamps, so a restart normally moves past the stored value anyway; the file guards
/// against a clock stepped back between runs. It is written at most once a second and on dispose; the gap a crash can
/// lose is far below the minimum restart time.
/// </remarks>
public sealed class NonceStore : IDisposable
{
    private readonly string _path;
    private readonly Timer _timer;
    private long _last;
    private long _written;

    private NonceStore(string path, long last)
    {
        _path = path;
        _last = last;
        _written = last;
        _timer = new Timer(_ => Flush(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The last nonce known to be issued (from the file at start, then from the client).</summary>
    public long Last => Interlocked.Read(ref _last);

    /// <summary>Opens the store at <paramref name="path"/>, reading the last nonce written there (0 when none).</summary>
    /// <exception cref="InvalidDataException">The file holds something other than a nonce; the message says to delete it.</exception>
    public static NonceStore Open(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        long last = 0;
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out last))
            {
                throw new InvalidDataException($"{path} should hold the last V3 nonce (digits only) but holds '{text}'; delete the file and start again.");
            }
        }

        return new NonceStore(path, last);
    }

    /// <summary>Records an issued nonce (called by the client before each signed V3 request; thread-safe).</summary>
    public void Record(long nonce)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _last);
            if (nonce <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _last, nonce, seen) != seen);
    }

    /// <summary>Writes the last nonce when it changed since the last write (atomically: temp file, then rename).</summary>
    public void Flush()
    {
        var last = Last;
        if (last == Interlocked.Read(ref _written))
        {
            return;
        }

        lock (_timer)
        {
            var temp = _path + ".tmp";
            File.WriteAllText(temp, last.ToString(CultureInfo.InvariantCulture));
            File.Move(temp, _path, overwrite: true);
            Interlocked.Exchange(ref _written, last);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }
}
