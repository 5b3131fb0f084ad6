using Coaching.Core.Clubs;
using Coaching.Core.Coordination;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Hosting;

/// <summary>
/// Once, after the migration that moved them into the database: the club logos and the audit e-mail hash key that an
/// older version kept in the data folder go into the database, so that an upgraded install loses nothing and every
/// instance sees them. The files are left where they are (a backup of the old layout stays valid).
/// </summary>
public static class SharedStateImport
{
    public const string LogoFolder = "club";
    public static readonly string[] EmailHashKeyFile = ["keys", "audit-email-hash.key"];

    public static async Task RunAsync(CoachingDbContext db, DataFolder folder, TimeProvider clock, ILogger logger)
    {
        await ImportLogosAsync(db, folder, logger);
        await ImportEmailHashKeyAsync(db, folder, clock, logger);
    }

    private static async Task ImportLogosAsync(CoachingDbContext db, DataFolder folder, ILogger logger)
    {
        foreach (var club in await db.Clubs.Where(c => c.LegacyLogoFileName != null).ToListAsync())
        {
            var path = folder.Combine(LogoFolder, Path.GetFileName(club.LegacyLogoFileName!));
            var content = File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
            if (content is not null && LogoFormat.ContentType(content) is { } type && !await db.ClubLogos.AnyAsync(l => l.ClubId == club.Id))
            {
                db.ClubLogos.Add(new ClubLogo { ClubId = club.Id, Content = content, ContentType = type, UploadedAt = File.GetLastWriteTimeUtc(path) });
                logger.LogInformation("Club {ClubId}'s logo moved from {Path} into the database", club.Id, path);
            }
            else if (content is null)
                logger.LogWarning("Club {ClubId}'s logo file {Path} is missing: the club has no logo", club.Id, path);
            club.LegacyLogoFileName = null;
        }
        await db.SaveChangesAsync();
    }

    private static async Task ImportEmailHashKeyAsync(CoachingDbContext db, DataFolder folder, TimeProvider clock, ILogger logger)
    {
        var path = folder.Combine(EmailHashKeyFile);
        if (!File.Exists(path) || await db.SharedSecrets.AnyAsync(s => s.Name == SharedSecret.AuditEmailHashKey)) return;
        db.SharedSecrets.Add(new SharedSecret { Name = SharedSecret.AuditEmailHashKey, Value = await File.ReadAllBytesAsync(path), CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync();
            logger.LogInformation("Audit e-mail hash key moved from {Path} into the database", path);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time imported it first.
            db.ChangeTracker.Clear();
        }
    }
}
