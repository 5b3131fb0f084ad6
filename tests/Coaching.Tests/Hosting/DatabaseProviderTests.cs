using Coaching.Core.Data;
using Coaching.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Coaching.Tests.Hosting;

/// <summary>`Database:Provider` picks SQLite (the default) or PostgreSQL, with its own migrations assembly.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SQLITE", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    public void Provider_setting_is_read_in_any_case(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DataServices.ParseProvider(value));

    [Fact]
    public void Unknown_provider_stops_the_start_up_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataServices.ParseProvider("SqlServer"));
        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("SqlServer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Microsoft.EntityFrameworkCore.Sqlite", "Coaching.Migrations.Sqlite")]
    [InlineData("Postgres", "Npgsql.EntityFrameworkCore.PostgreSQL", "Coaching.Migrations.Postgres")]
    public void Context_uses_the_chosen_provider_and_its_migrations(string? provider, string providerName, string migrationsAssembly)
    {
        using var services = Services(provider, "Host=localhost;Database=coaching_unused;Username=nobody");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();

        Assert.Equal(providerName, db.Database.ProviderName);
        Assert.Equal(migrationsAssembly, db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>().Assembly.GetName().Name);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services("Postgres", connectionString: null));
        Assert.Contains("ConnectionStrings:Coaching", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string? provider, string? connectionString)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider };
        if (connectionString is not null && provider is not null) settings["ConnectionStrings:Coaching"] = connectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new HostingEnvironmentStub(Path.GetTempPath());
        return new ServiceCollection().AddLogging().AddCoachingData(configuration, environment).BuildServiceProvider();
    }

    private sealed class HostingEnvironmentStub(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Coaching.Web";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
