using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task The_key_ring_lives_in_the_database_and_another_instance_reads_what_one_protected()
    {
        await using var first = new CoachingAppFactory();
        await first.InitializeAsync();
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("bonjour");

        var keys = await first.QueryAsync(db => db.DataProtectionKeys.ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml, StringComparison.Ordinal));

        await using var second = new SecondInstanceFactory(first);
        await second.InitializeAsync();
        Assert.Equal("bonjour", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        Assert.Equal(keys.Count, await second.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
    }
}
