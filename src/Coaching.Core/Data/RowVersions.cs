using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coaching.Core.Data;

/// <summary>
/// Optimistic concurrency on both providers: PostgreSQL compares its own <c>xmin</c> (<see cref="IVersioned.RowVersion"/>),
/// SQLite the application-managed <see cref="IVersioned.Version"/>. Forms carry « the version the user saw » as an
/// opaque string (<see cref="VersionOf"/>) and give it back to <see cref="IsVersion"/> (stale form?) and
/// <see cref="ExpectVersion"/> (the UPDATE's WHERE clause), so controllers and views do not depend on the provider.
/// </summary>
public static class RowVersions
{
    /// <summary>True when the context runs on PostgreSQL, whose concurrency token is <c>xmin</c>.</summary>
    public static bool UsesXmin(this DatabaseFacade database) => database.IsPostgres();

    /// <summary>Maps the token of the provider on every <see cref="IVersioned"/> entity and ignores the other one.</summary>
    public static void ConfigureConcurrencyTokens(ModelBuilder builder, bool xmin)
    {
        var versioned = builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType).ToList();
        foreach (var type in versioned)
        {
            var entity = builder.Entity(type);
            if (xmin)
            {
                entity.Ignore(nameof(IVersioned.Version));
                entity.Property(nameof(IVersioned.RowVersion)).IsRowVersion();
            }
            else
            {
                entity.Ignore(nameof(IVersioned.RowVersion));
                entity.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    /// <summary>The row's version as a form carries it.</summary>
    public static string VersionOf(this DbContext db, IVersioned row) => db.Database.UsesXmin()
        ? row.RowVersion.ToString(CultureInfo.InvariantCulture)
        : row.Version.ToString("D");

    /// <summary>True when <paramref name="seen"/> (from a form) is the row's current version.</summary>
    public static bool IsVersion(this DbContext db, IVersioned row, string? seen) => db.Database.UsesXmin()
        ? ParseXmin(seen) == row.RowVersion
        : Guid.TryParse(seen, out var version) && version == row.Version;

    /// <summary>Makes the next UPDATE of the tracked <paramref name="row"/> succeed only if it still has version <paramref name="seen"/>.</summary>
    public static void ExpectVersion(this DbContext db, IVersioned row, string? seen)
    {
        if (db.Database.UsesXmin())
            db.Entry(row).Property(nameof(IVersioned.RowVersion)).OriginalValue = ParseXmin(seen);
        else
            db.Entry(row).Property(nameof(IVersioned.Version)).OriginalValue = Guid.TryParse(seen, out var version) ? version : Guid.Empty;
    }

    // 0 is PostgreSQL's invalid transaction id: no row has it, so a missing or unreadable version never matches.
    private static uint ParseXmin(string? seen) =>
        uint.TryParse(seen, NumberStyles.None, CultureInfo.InvariantCulture, out var xmin) ? xmin : 0;
}
