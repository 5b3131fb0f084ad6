using System.Collections.Concurrent;
using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Settings;

public sealed record ClubProfile(int Id, string Name, string? ContactEmail, string? Phone, string? Website, bool HasLogo, string RegionCode = "");

/// <summary>
/// The clubs' names and logos, read once and forgotten when the settings change, so that every page header costs no
/// query. Another instance of the app may change them: a profile is also read again after <see cref="Lifetime"/>.
/// </summary>
public sealed class ClubProfiles(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CoachingOptions> options, ILogger<ClubProfiles> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, (ClubProfile Profile, DateTimeOffset ReadAt)> _profiles = new();
    private int? _defaultClubId;

    /// <summary>The profile of a club; 0 means the first club (pages seen before signing in).</summary>
    public async Task<ClubProfile> GetAsync(int clubId)
    {
        try
        {
            return await LoadAsync(clubId);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The error page uses this too: it must render even when the database does not answer.
            logger.LogWarning(e, "Club profile {ClubId} unavailable", clubId);
            return new ClubProfile(clubId, options.Value.ClubName, null, null, null, false);
        }
    }

    /// <summary>The logo's bytes and type, read from the database; null when the club has none.</summary>
    public Task<ClubLogo?> GetLogoAsync(int clubId, CancellationToken cancellationToken = default) =>
        WithDbAsync(async db =>
        {
            if (clubId == 0) clubId = await DefaultClubIdAsync(db);
            return await db.ClubLogos.AsNoTracking().SingleOrDefaultAsync(l => l.ClubId == clubId, cancellationToken);
        });

    private async Task<ClubProfile> LoadAsync(int clubId)
    {
        if (clubId == 0) clubId = await WithDbAsync(DefaultClubIdAsync);
        var now = clock.GetUtcNow();
        if (_profiles.TryGetValue(clubId, out var cached) && now - cached.ReadAt < Lifetime) return cached.Profile;
        var profile = await WithDbAsync(db => db.Clubs.AsNoTracking().Where(c => c.Id == clubId)
            .Select(c => new ClubProfile(c.Id, c.Name, c.ContactEmail, c.Phone, c.Website, db.ClubLogos.Any(l => l.ClubId == c.Id), c.RegionCode))
            .SingleAsync());
        _profiles[clubId] = (profile, now);
        return profile;
    }

    private async Task<int> DefaultClubIdAsync(CoachingDbContext db) =>
        _defaultClubId ??= await db.Clubs.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();

    public void Forget(int clubId) => _profiles.TryRemove(clubId, out _);

    private async Task<T> WithDbAsync<T>(Func<CoachingDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }
}
