using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Coaching.Tests.Support;

/// <summary>
/// Compares every property that both models map, of every row of every table of two databases holding the same model
/// (the concurrency tokens differ: SQLite's Guid <c>Version</c>, PostgreSQL's <c>xmin</c>).
/// </summary>
public static class SameRows
{
    public sealed record Compared(string Table, int Rows);

    public static async Task<List<Compared>> AssertAllTablesAsync(DbContext source, DbContext target)
    {
        var compared = new List<Compared>();
        foreach (var entityType in source.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var targetType = target.Model.FindEntityType(entityType.Name)!;
            var properties = entityType.GetProperties().Where(p => !p.IsShadowProperty() && targetType.FindProperty(p.Name) is not null).ToList();
            var key = entityType.FindPrimaryKey()!.Properties;
            var sourceRows = await RowsAsync(source, entityType, key);
            var targetRows = await RowsAsync(target, entityType, key);
            Assert.True(sourceRows.Count == targetRows.Count, $"{entityType.GetTableName()}: {sourceRows.Count} rows in the source, {targetRows.Count} in the copy.");
            for (var i = 0; i < sourceRows.Count; i++)
            {
                foreach (var property in properties)
                    AssertSameValue(property.GetGetter().GetClrValue(sourceRows[i].Entity), property.GetGetter().GetClrValue(targetRows[i].Entity),
                        $"{entityType.GetTableName()}[{sourceRows[i].Key}].{property.Name}");
            }
            compared.Add(new Compared(entityType.GetTableName()!, sourceRows.Count));
        }
        return compared;
    }

    /// <summary>
    /// Equal values; instants equal to the microsecond, PostgreSQL's precision (SQLite kept .NET's 100 ns ticks: the copy
    /// drops at most the 7th decimal of the second), and stored in UTC.
    /// </summary>
    private static void AssertSameValue(object? source, object? target, string where)
    {
        switch (source, target)
        {
            case (DateTimeOffset s, DateTimeOffset t):
                Assert.True(t.Offset == TimeSpan.Zero && s.UtcTicks - s.UtcTicks % 10 == t.UtcTicks, $"{where}: {s:O} became {t:O}");
                break;
            case (DateTime s, DateTime t):
                Assert.True(s.Ticks - s.Ticks % 10 == t.Ticks, $"{where}: {s:O} became {t:O}");
                break;
            case (byte[] s, byte[] t):
                Assert.True(s.AsSpan().SequenceEqual(t), $"{where}: bytes differ");
                break;
            default:
                Assert.True(Equals(source, target), $"{where}: {source} became {target}");
                break;
        }
    }

    private static async Task<List<(string Key, object Entity)>> RowsAsync(DbContext db, IEntityType entityType, IReadOnlyList<IProperty> key)
    {
        var load = typeof(SameRows).GetMethod(nameof(LoadAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(entityType.ClrType);
        var rows = await (Task<List<object>>)load.Invoke(null, [db])!;
        return rows.Select(r => (Key: string.Join("|", key.Select(k => Convert.ToString(k.GetGetter().GetClrValue(r), System.Globalization.CultureInfo.InvariantCulture))), Entity: r))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<object>> LoadAsync<T>(DbContext db) where T : class =>
        (await db.Set<T>().AsNoTracking().ToListAsync()).Cast<object>().ToList();
}
