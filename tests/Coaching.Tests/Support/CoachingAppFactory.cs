using System.Collections.Concurrent;
using System.Net;
using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Coaching.Tests.Features.Diagnostics;

namespace Coaching.Tests.Support;

/// <summary>
/// The whole app in memory, on its own temporary SQLite file (or, in Coaching.Tests.Postgres, its own PostgreSQL
/// database: <see cref="PostgresTestDatabases"/>) migrated by the app itself at start-up and seeded with the demo club. Share one per test collection (<see cref="AppCollection"/>); a test that needs to move the clock or
/// to change services builds its own (<c>await using var app = new CoachingAppFactory { ... }; await app.InitializeAsync();</c>).
/// </summary>
public class CoachingAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string EnvironmentName = "Testing";

    /// <summary>Coaching:PublicBaseUrl given to the app: links sent by e-mail must start with it.</summary>
    public const string PublicBaseUrl = "https://coaching.exemple.fr";

    private readonly ConcurrentDictionary<Persona, Lazy<Task<PersonaSession>>> _sessions = new();
    private readonly Lazy<string> _postgresDatabase = new(PostgresTestDatabases.Create);
    private DemoIds? _ids;

    public CoachingAppFactory()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "coaching-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        // As in production: over HTTPS, where the app's Secure cookies are sent back.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>
    /// The app's TimeProvider. It starts at the real time, to the microsecond (PostgreSQL's precision: an instant stored
    /// there reads back equal to the clock), and only moves when a test moves it.
    /// </summary>
    public FakeTimeProvider Clock { get; init; } = new(NowToTheMicrosecond());

    /// <summary>More service replacements, applied after the factory's own (e.g. a fake e-mail sender).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Temporary folder given to the app as Coaching:DataFolder; deleted with the factory.</summary>
    public string DataFolder { get; }
    public string DatabasePath => Path.Combine(DataFolder, "coaching-tests.db");
    public string MailPickupFolder => Path.Combine(DataFolder, "mail-pickup");

    /// <summary>This factory's own database: the SQLite file, or a fresh PostgreSQL database created at first use.</summary>
    public string ConnectionString => TestProvider.IsPostgres ? _postgresDatabase.Value : $"Data Source={DatabasePath}";

    /// <summary>The database the app runs on: its own, or another factory's for a second instance.</summary>
    protected virtual string DatabaseConnectionString => ConnectionString;

    /// <summary>Errors and warnings the app logged, to explain a failure (e.g. the exception behind a 500).</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>Ids of the demo data that the tests address (merchant A's case file, a merchant of advisor B…).</summary>
    public DemoIds Ids => _ids ?? throw new InvalidOperationException("Call InitializeAsync first (xunit does it for fixtures).");

    public async Task InitializeAsync()
    {
        _ = Server; // starts the app: migrations and demo seeding run here
        _ids = await QueryAsync(DemoIds.LoadAsync);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (TestProvider.IsPostgres) builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Coaching", DatabaseConnectionString);
        builder.UseSetting("Coaching:DataFolder", DataFolder);
        builder.UseSetting("Coaching:SeedDemoData", "true");
        builder.UseSetting("Coaching:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Smtp:PickupFolder", "mail-pickup");
        // The whole suite signs in from one (absent) address: the rate limits are tested on their own (RateLimitTests).
        builder.UseSetting("RateLimits:PerClientPermitLimit", "1000000");
        builder.UseSetting("RateLimits:PerAccountPermitLimit", "1000000");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, MatchedActionHeader>();
            // Same hashing code, fewer PBKDF2 rounds: every sign-in and account creation of the suite gets much cheaper.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>A client like a browser: keeps its cookies, does not follow redirects, starts signed out.</summary>
    public HttpClient CreateBrowserClient(CookieContainer? cookies = null) =>
        CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(cookies ?? new CookieContainer()));

    /// <summary>
    /// A browser-like client signed in as <paramref name="persona"/>. The first call per persona signs in through the
    /// real /connexion form; later calls reuse that session's cookies in a fresh client (signing out one client does not
    /// sign out the others).
    /// </summary>
    public async Task<HttpClient> CreateClientAs(Persona persona)
    {
        if (persona == Persona.Anonymous) return CreateBrowserClient();
        var session = await SessionOf(persona);
        var cookies = new CookieContainer();
        foreach (var cookie in session.Cookies) cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return CreateBrowserClient(cookies);
    }

    /// <summary>An antiforgery token valid for the clients that <see cref="CreateClientAs"/> returns for this persona.</summary>
    public async Task<string> AntiforgeryTokenOf(Persona persona)
    {
        if (persona == Persona.Anonymous)
            throw new InvalidOperationException("An anonymous client gets its token from its own first page: use a page of that client.");
        return (await SessionOf(persona)).AntiforgeryToken;
    }

    /// <summary>Signs in through the real form (GET /connexion, POST with the page's antiforgery token); throws if refused.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateBrowserClient();
        var response = await SignInThroughFormAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await HtmlPage.ParseAsync(response);
            throw new InvalidOperationException($"Sign-in as {email} refused ({(int)response.StatusCode}): {string.Join(" ", page.FormErrors)}");
        }
        return client;
    }

    /// <summary>Fills and posts the sign-in form with the given client, returning the raw answer.</summary>
    public static async Task<HttpResponseMessage> SignInThroughFormAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/connexion");
        return await client.SubmitAsync(page, "/connexion", ("Email", email), ("Password", password));
    }

    /// <summary>Runs a query in a fresh scope of the app's services.</summary>
    public async Task<T> QueryAsync<T>(Func<CoachingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    /// <summary>The row's concurrency token as the app's forms carry it (xmin on PostgreSQL, the Guid on SQLite).</summary>
    public Task<string> VersionOfAsync(IVersioned row) => QueryAsync(db => Task.FromResult(db.VersionOf(row)));

    /// <summary>Runs some code in a fresh scope of the app's services (UserManager, DbContext…).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// Creates an account of its own for a test that changes an account (failed sign-ins, password reset…), so that the
    /// shared demo accounts stay as they are. Pass a null password for an invited account that has none yet.
    /// </summary>
    public Task<AppUser> CreateAccountAsync(string role, string? password = DemoAccounts.Password, int? merchantId = null) =>
        WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var db = services.GetRequiredService<CoachingDbContext>();
            var email = $"test-{Guid.NewGuid():N}@exemple.fr";
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Test " + email[5..13],
                ClubId = (await db.Clubs.OrderBy(c => c.Id).FirstAsync()).Id,
                MerchantId = merchantId,
                CreatedAt = Clock.GetUtcNow(),
            };
            var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            return user;
        });

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            // Also when the app failed to start: a PostgreSQL database outlives the test process.
            if (disposing && _postgresDatabase.IsValueCreated) PostgresTestDatabases.Drop(_postgresDatabase.Value);
        }
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static DateTimeOffset NowToTheMicrosecond()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private Task<PersonaSession> SessionOf(Persona persona) =>
        _sessions.GetOrAdd(persona, p => new Lazy<Task<PersonaSession>>(() => SignInPersonaAsync(p))).Value;

    private async Task<PersonaSession> SignInPersonaAsync(Persona persona)
    {
        var account = persona.Account()!;
        var cookies = new CookieContainer();
        var client = CreateBrowserClient(cookies);
        var response = await SignInThroughFormAsync(client, account.Email, DemoAccounts.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The demo account {account.Email} could not sign in ({(int)response.StatusCode}).");
        // The token of the anonymous sign-in page is bound to no user: take one issued to the signed-in person.
        var page = await client.GetPageAsync("/connexion");
        var token = page.AntiforgeryToken ?? throw new InvalidOperationException("No antiforgery token on /connexion.");
        return new PersonaSession(cookies.GetAllCookies().ToList(), token);
    }

    private sealed record PersonaSession(IReadOnlyList<Cookie> Cookies, string AntiforgeryToken);
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<CoachingAppFactory>
{
    /// <summary>Put <c>[Collection(AppCollection.Name)]</c> on a test class and take a <see cref="CoachingAppFactory"/> in its constructor.</summary>
    public const string Name = "App";
}
