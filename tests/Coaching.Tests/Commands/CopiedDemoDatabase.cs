using Coaching.Core.Clubs;
using Coaching.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Coaching.Web.Features.Settings;
using Coaching.Tests.Hosting;
using Coaching.Tests.Support;

namespace Coaching.Tests.Commands;

/// <summary>
/// The demo club on SQLite, with a logo, an audit entry and Data Protection keys added, copied by `copy-database` to a
/// fresh PostgreSQL database; <see cref="ServedCopy"/> also starts the app a second time on that copy (same frozen clock).
/// </summary>
public class CopiedDemoDatabase : IAsyncLifetime
{
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public PostgresDatabases Databases { get; } = new();
    public CoachingAppFactory Source { get; } = new();
    public PostgresAppFactory? Target { get; private set; }
    public string TargetConnectionString { get; private set; } = "";
    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";

    protected virtual bool StartsTheApp => false;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null) return;
        await Source.InitializeAsync();
        var clubId = await Source.QueryAsync(async db =>
        {
            var club = await db.Clubs.Select(c => c.Id).FirstAsync();
            db.ClubLogos.Add(new ClubLogo { ClubId = club, Content = TinyPng, ContentType = "image/png", UploadedAt = Source.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return club;
        });
        // Written behind the app's back (as the settings page would, which also forgets the cached profile).
        Source.Services.GetRequiredService<Coaching.Web.Features.Settings.ClubProfiles>().Forget(clubId);
        // A failed sign-in writes an audit entry with the e-mail's hash; signing in writes Data Protection keys.
        await CoachingAppFactory.SignInThroughFormAsync(Source.CreateBrowserClient(), "inconnu@exemple.fr", "Pas-le-bon-mot-de-passe-1");
        foreach (var persona in new[] { Persona.AdvisorA, Persona.AdvisorB, Persona.Manager, Persona.MerchantA }) await Source.CreateClientAs(persona);

        TargetConnectionString = await Databases.CreateAsync();
        (ExitCode, Output, _) = await CopyAsync(TargetConnectionString);
        if (!StartsTheApp) return;
        Target = new PostgresAppFactory(TargetConnectionString) { Clock = new FakeTimeProvider(Source.Clock.GetUtcNow()) };
        await Target.InitializeAsync();
    }

    public async Task<(int ExitCode, string Output, string Error)> CopyAsync(string target)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var scope = Source.Services.CreateAsyncScope();
        var exit = await DatabaseCopyCommand.RunAsync(scope.ServiceProvider, ["--to", target], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        if (Target is not null) await Target.DisposeAsync();
        await Source.DisposeAsync();
        await Databases.DisposeAsync();
    }
}

/// <summary>The copy with the app running on it: pages are compared, which signs people in (rows change there).</summary>
public sealed class ServedCopy : CopiedDemoDatabase
{
    protected override bool StartsTheApp => true;
}
