using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Coaching.Web.Commands;

/// <summary>
/// Streams one table from SQLite into PostgreSQL with a binary COPY: rows are read one at a time (nothing is tracked or
/// kept in memory), each value goes through the source provider's conversion back to the model's value (e.g. the
/// DateTimeOffset stored as UTC text) and then through the target's (a UTC timestamptz), so values round-trip exactly.
/// </summary>
public static class TableCopier
{
    public const int ProgressEvery = 100_000;

    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Readers = new();
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    public static async Task<long> CopyAsync(SqliteTransaction source, NpgsqlConnection target, CopyTable table, Action<long> progress, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var read = source.Connection!.CreateCommand();
        read.Transaction = source;
        read.CommandText = $"SELECT {columns} FROM {Quote(table.Name)}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var readValue = table.Columns.Select(c => ReaderFor(c.Source.Converter?.ProviderClrType ?? c.Source.ClrType)).ToArray();
        var dataTypes = table.Columns.Select(c => DataTypeName(c.Target.StoreType)).ToArray();

        await using var writer = await target.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (await reader.IsDBNullAsync(i, cancellationToken))
                {
                    await writer.WriteNullAsync(cancellationToken);
                    continue;
                }
                var column = table.Columns[i];
                var stored = readValue[i](reader, i);
                var model = column.Source.Converter is { } fromSource ? fromSource.ConvertFromProvider(stored) : stored;
                var value = column.Target.Converter is { } toTarget ? toTarget.ConvertToProvider(model) : model;
                await writer.WriteAsync(value, dataTypes[i], cancellationToken);
            }
            if (++rows % ProgressEvery == 0) progress(rows);
        }
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>"character varying(400)" → "character varying": Npgsql names the binary format, the column keeps its facets.</summary>
    private static string DataTypeName(string storeType) => storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0
        ? (storeType[..open] + storeType[(storeType.IndexOf(')', StringComparison.Ordinal) + 1)..]).Trim()
        : storeType;

    private static Func<DbDataReader, int, object> ReaderFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return Readers.GetOrAdd(type, t =>
        {
            var typed = GetFieldValue.MakeGenericMethod(t);
            return (reader, ordinal) => typed.Invoke(reader, [ordinal])!;
        });
    }
}
