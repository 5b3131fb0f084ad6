using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Data;

/// <summary>Recognises a save refused by a unique index or primary key, on SQLite and on PostgreSQL.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const string PostgresUniqueViolation = "23505";

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException other => other.SqlState == PostgresUniqueViolation,
        _ => false,
    };
}
