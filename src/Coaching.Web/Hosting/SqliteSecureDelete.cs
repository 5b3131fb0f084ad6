using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Hosting;

/// <summary>
/// <c>PRAGMA secure_delete = ON</c> on every connection: SQLite overwrites deleted and replaced content with zeros
/// instead of leaving it in free space, so that an erased person's data cannot be read back from the database file.
/// Chosen over a VACUUM after each erasure, which rewrites the whole file under an exclusive lock; the cost here is a
/// little more writing on deletes and updates. (The WAL is truncated after an erasure, see MerchantAnonymiser's caller.)
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSetup(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSetup(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool NeedsSetup(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Prepared.TryAdd(handle, handle);
}
