using System.Collections.Concurrent;
using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Infrastructure;

public sealed record ClubProfile(int Id, string Name, string? ContactEmail, string? Phone, string? Website, string? LogoPath);

/// <summary>The clubs' names and logos, read once and forgotten when the settings change, so that every page header costs no query.</summary>
public sealed class ClubProfiles(IServiceScopeFactory scopes, DataFolder dataFolder, Microsoft.Extensions.Options.IOptions<CoachingOptions> options, ILogger<ClubProfiles> logger)
{
    private readonly ConcurrentDictionary<int, ClubProfile> _profiles = new();
    private int? _defaultClubId;

    public string LogoFolder => dataFolder.Combine("club");

    /// <summary>The profile of a club; 0 means the first club (pages seen before signing in).</summary>
    public async Task<ClubProfile> GetAsync(int clubId)
    {
        try
        {
            return await LoadAsync(clubId);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The error page uses this too: it must render even when the database does not answer.
            logger.LogWarning(e, "Club profile {ClubId} unavailable", clubId);
            return new ClubProfile(clubId, options.Value.ClubName, null, null, null, null);
        }
    }

    private async Task<ClubProfile> LoadAsync(int clubId)
    {
        if (clubId == 0) clubId = _defaultClubId ??= await WithDbAsync(db => db.Clubs.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        if (_profiles.TryGetValue(clubId, out var cached)) return cached;
        var club = await WithDbAsync(db => db.Clubs.AsNoTracking().SingleAsync(c => c.Id == clubId));
        return _profiles[clubId] = ToProfile(club);
    }

    public void Forget(int clubId) => _profiles.TryRemove(clubId, out _);

    private ClubProfile ToProfile(Club club) => new(club.Id, club.Name, club.ContactEmail, club.Phone, club.Website,
        club.LogoFileName is { } logo && File.Exists(Path.Combine(LogoFolder, logo)) ? Path.Combine(LogoFolder, logo) : null);

    private async Task<T> WithDbAsync<T>(Func<CoachingDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }
}
