using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coaching.Core.Data;

/// <summary>
/// The two EF Core providers the app runs on, by name: Coaching.Core does not reference Npgsql (the Web project
/// registers it), so it cannot call Npgsql's <c>IsNpgsql()</c>.
/// </summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsPostgres(this DatabaseFacade database) => database.ProviderName == Npgsql;
}
