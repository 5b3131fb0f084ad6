using Microsoft.EntityFrameworkCore.Metadata;

namespace Coaching.Web.Commands;

/// <summary>One table of the EF model, as the source (SQLite) and the target (PostgreSQL) models map it.</summary>
public sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns);

/// <summary>A column with the type mappings of both providers: read with the source's, converted to the target's.</summary>
public sealed record CopyColumn(string Name, Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping Source, Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping Target);

public static class CopyTables
{
    /// <summary>Every table of the model, each after the tables its foreign keys point at (in a cycle, the table with the fewest unplaced principals comes first).</summary>
    public static IReadOnlyList<CopyTable> InForeignKeyOrder(IRelationalModel source, IRelationalModel target)
    {
        var tables = source.Tables.Where(t => t.Schema is null).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var remaining = tables.Where(t => !placed.Contains(t.Name)).ToList();
            var next = remaining.MinBy(t => t.ForeignKeyConstraints.Count(fk => fk.PrincipalTable != t && !placed.Contains(fk.PrincipalTable.Name)))!;
            ordered.Add(next);
            placed.Add(next.Name);
        }
        return ordered.Select(t => Describe(t, target.FindTable(t.Name, t.Schema)
            ?? throw new InvalidOperationException($"Table {t.Name} missing from the PostgreSQL model."))).ToList();
    }

    private static CopyTable Describe(ITable source, ITable target) => new(source.Name, source.Columns
        // SQLite's application-managed concurrency token has no column on PostgreSQL, whose token is its own xmin.
        .Where(c => c.Name != nameof(Coaching.Core.Data.IVersioned.Version) || target.FindColumn(c.Name) is not null)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .Select(c => new CopyColumn(c.Name, c.PropertyMappings.First().TypeMapping,
            (target.FindColumn(c.Name) ?? throw new InvalidOperationException($"Column {source.Name}.{c.Name} missing from the PostgreSQL model."))
                .PropertyMappings.First().TypeMapping))
        .ToList());
}
