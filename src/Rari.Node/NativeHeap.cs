using System.Runtime.InteropServices;

namespace Rari.Node;

/// <summary>
/// How the process's native heap (glibc's malloc, used by the runtime, SQLite and the TLS library) may grow. Left alone,
/// glibc gives each busy thread its own arena (up to eight per core) and keeps freed memory in each of them: in a
/// 30-minute paper run the resident set kept growing by about 1.5 MiB a minute while the managed heap stayed flat and
/// the native heap's live allocations stayed under 16 MiB (heaptrack). Two arenas take the same allocations without
/// that growth. A user's own <c>MALLOC_ARENA_MAX</c> wins.
/// </summary>
public static class NativeHeap
{
    /// <summary>The arenas glibc may use once <see cref="LimitArenas"/> has run.</summary>
    public const int Arenas = 2;

    // glibc's mallopt parameter for the arena limit (malloc.h: #define M_ARENA_MAX -8).
    private const int ArenaMaxParameter = -8;

    /// <summary>
    /// Limits glibc's malloc arenas to <see cref="Arenas"/>, unless <c>MALLOC_ARENA_MAX</c> is set. Call it first in
    /// <c>Main</c>: arenas made before the call stay. Returns whether the limit is now in force (false on Windows,
    /// macOS, musl, or when the variable is set).
    /// </summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX")))
        {
            return false;
        }

        try
        {
            return Mallopt(ArenaMaxParameter, Arenas) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without mallopt (musl): it has no per-thread arenas to limit.
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling, and the project stays free of unsafe code.
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
}
