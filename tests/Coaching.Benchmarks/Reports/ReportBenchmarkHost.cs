using System.Data.Common;
using System.Net;
using Coaching.Core.Data;
using Coaching.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Coaching.Web.Hosting;

namespace Coaching.Benchmarks.Reports;

/// <summary>
/// The app in memory on the generated database (COACHING_BENCH_DB, default /tmp/coaching-bench/bench100k.db, made with
/// `dotnet run --project src/Coaching.Web -- generate --merchants 100000`), signed in as the demo club manager.
/// Counts the SQL commands EF Core sends (the report's own raw commands are counted by the report).
/// </summary>
public sealed class ReportBenchmarkHost : WebApplicationFactory<Program>
{
    public static string DatabasePath => Environment.GetEnvironmentVariable("COACHING_BENCH_DB") ?? "/tmp/coaching-bench/bench100k.db";

    public CommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!File.Exists(DatabasePath))
            throw new FileNotFoundException($"Generate the database first: ConnectionStrings__Coaching=\"Data Source={DatabasePath}\" dotnet run --project src/Coaching.Web -- generate --merchants 100000", DatabasePath);
        builder.UseContentRoot(WebProjectFolder());
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={DatabasePath}");
        builder.UseSetting("Coaching:DataFolder", Path.GetDirectoryName(DatabasePath));
        builder.UseSetting("Coaching:SeedDemoData", "false");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<CoachingDbContext>(options => options.AddInterceptors(Counter)));
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Coaching.sln"))) return Path.Combine(folder.FullName, "src", "Coaching.Web");
        }
        throw new DirectoryNotFoundException("Coaching.sln not found above " + AppContext.BaseDirectory);
    }

    public async Task<HttpClient> SignedInManagerAsync()
    {
        var client = CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        var login = await client.GetStringAsync(new Uri("/connexion", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = DemoAccounts.Manager.Email,
            ["Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/connexion", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("The manager could not sign in: " + response.StatusCode);
        return client;
    }
}

public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
