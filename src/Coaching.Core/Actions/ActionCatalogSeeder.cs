using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Actions;

/// <summary>Adds the catalogue actions that are missing (every code of <see cref="ActionCodes"/>); never changes what admins edited.</summary>
public static class ActionCatalogSeeder
{
    public static async Task<int> SeedMissingAsync(CoachingDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var existing = await db.CatalogActions.Select(a => a.Code).ToListAsync(cancellationToken);
        var seeds = ActionCatalogSeed.Entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var code in ActionCodes.All.Where(c => !existing.Contains(c.Code)))
        {
            var seed = seeds.GetValueOrDefault(code.Code);
            db.CatalogActions.Add(new CatalogAction
            {
                Code = code.Code,
                Title = code.Title,
                AxisCode = seed?.AxisCode ?? "",
                Description = seed?.Description ?? code.Title,
                Effort = seed?.Effort ?? 2,
                Impact = seed?.Impact ?? 2,
                Resources = seed?.Resources ?? "",
                UpdatedAt = now,
            });
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
