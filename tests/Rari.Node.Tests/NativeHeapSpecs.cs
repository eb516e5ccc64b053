using Rari.Node;

namespace Rari.Node.Tests;

/// <summary>The native heap's arena limit, which <c>rari</c> sets first thing on Linux.</summary>
public sealed class NativeHeapSpecs
{
    [Fact]
    public void Should_limit_glibc_s_arenas_on_linux_unless_the_user_set_malloc_arena_max()
    {
        // arrange
        var userSetting = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");

        // act
        var limited = NativeHeap.LimitArenas();

        // assert: mallopt was found and accepted the limit (Debian's glibc); a user's own variable is left to glibc
        Assert.Equal(OperatingSystem.IsLinux() && string.IsNullOrEmpty(userSetting), limited);
    }

    [Fact]
    public void Should_leave_the_heap_alone_when_malloc_arena_max_is_set()
    {
        // arrange
        var before = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
        try
        {
            // act
            var limited = NativeHeap.LimitArenas();

            // assert
            Assert.False(limited);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", before);
        }
    }
}
