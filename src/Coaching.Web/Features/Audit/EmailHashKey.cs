using System.Security.Cryptography;
using Coaching.Core.Audit;
using Coaching.Core.Coordination;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Audit;

/// <summary>
/// The key of <see cref="AuditEmailHasher"/>: Audit:EmailHashKey, or a random key created once in the database and shared
/// by every instance (an older version kept it in the data folder: <see cref="SharedStateImport"/> moves it).
/// </summary>
public static class EmailHashKey
{
    public static AuditEmailHasher CreateHasher(AuditOptions options, IServiceScopeFactory scopes)
    {
        if (!string.IsNullOrEmpty(options.EmailHashKey)) return new AuditEmailHasher(Convert.FromBase64String(options.EmailHashKey));
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        return new AuditEmailHasher(LoadOrCreate(services.GetRequiredService<CoachingDbContext>(), services.GetRequiredService<TimeProvider>()));
    }

    public static byte[] LoadOrCreate(CoachingDbContext db, TimeProvider clock)
    {
        if (Find(db) is { } stored) return stored;
        db.SharedSecrets.Add(new SharedSecret { Name = SharedSecret.AuditEmailHashKey, Value = RandomNumberGenerator.GetBytes(32), CreatedAt = clock.GetUtcNow() });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use theirs.
            db.ChangeTracker.Clear();
        }
        return Find(db) ?? throw new InvalidOperationException("The audit e-mail hash key could not be stored.");
    }

    private static byte[]? Find(CoachingDbContext db) =>
        db.SharedSecrets.AsNoTracking().Where(s => s.Name == SharedSecret.AuditEmailHashKey).Select(s => s.Value).SingleOrDefault();
}
