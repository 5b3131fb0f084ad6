using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Coaching.Core.Audit;
using Coaching.Core.Coordination;
using Coaching.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Coaching.Tests.Support;
using Coaching.Tests.Features.Diagnostics;

namespace Coaching.Tests.Hosting;

/// <summary>State every instance must see lives in the database, not in an instance's data folder.</summary>
public sealed class SharedStateTests
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_logo_uploaded_on_one_instance_is_served_by_another_that_has_its_own_data_folder()
    {
        await using var first = new CoachingAppFactory();
        await first.InitializeAsync();
        await using var second = new SharedDatabaseFactory(first);
        await second.InitializeAsync();
        Assert.NotEqual(first.DataFolder, second.DataFolder);
        var advisorOnSecond = await second.CreateClientAs(Persona.AdvisorA);
        Assert.Null((await advisorOnSecond.GetPageAsync("/portefeuille")).Document.QuerySelector("img.brand__logo"));
        Assert.Equal(HttpStatusCode.NotFound, (await second.CreateBrowserClient().GetAsync("/reglages/logo")).StatusCode);

        var admin = await first.CreateClientAs(Persona.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadLogoAsync(admin)).StatusCode);

        var served = await second.CreateBrowserClient().GetAsync("/reglages/logo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TinyPng, await served.Content.ReadAsByteArrayAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(first.DataFolder, "club"));
        // The other instance's page header notices within a minute (its club profile is read again).
        second.Clock.Advance(ClubProfiles.Lifetime);
        Assert.NotNull((await advisorOnSecond.GetPageAsync("/portefeuille")).Document.QuerySelector("img.brand__logo"));
    }

    [Fact]
    public async Task An_import_previewed_on_one_instance_is_confirmed_on_another_and_expires_after_12_hours()
    {
        await using var first = new CoachingAppFactory();
        await first.InitializeAsync();
        await using var second = new SharedDatabaseFactory(first);
        await second.InitializeAsync();
        var onFirst = await first.CreateClientAs(Persona.Manager);
        var onSecond = await second.CreateClientAs(Persona.Manager);
        var (siret, late) = (TestData.NewSiret(), TestData.NewSiret());

        var preview = await PreviewAsync(onFirst, siret);
        Assert.Empty(Directory.EnumerateFileSystemEntries(first.DataFolder, "imports"));
        var confirmed = await onSecond.PostFormAsync("/importer/confirmer", await onSecond.GetPageAsync("/importer"), ("token", preview.InputValue("token")!));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(1, await second.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == siret)));
        Assert.Equal(0, await second.QueryAsync(db => db.PendingImports.CountAsync()));

        var expiring = await PreviewAsync(onFirst, late);
        second.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var freshSession = await second.SignInAsync(Coaching.Web.Demo.DemoAccounts.Manager.Email, Coaching.Web.Demo.DemoAccounts.Password);
        var expired = await freshSession.PostFormAsync("/importer/confirmer", await freshSession.GetPageAsync("/importer"), ("token", expiring.InputValue("token")!));
        Assert.Equal("/importer", expired.Headers.Location?.OriginalString);
        Assert.Equal(0, await second.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == late)));
    }

    [Fact]
    public async Task An_upgraded_install_moves_its_logo_file_and_its_hash_key_file_into_the_database_once()
    {
        await using var old = new CoachingAppFactory();
        await old.InitializeAsync();
        // The layout of the previous version: logo and audit hash key as files, the logo's name in the club row.
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.Combine(old.DataFolder, "keys"));
        await File.WriteAllBytesAsync(Path.Combine(old.DataFolder, "keys", "audit-email-hash.key"), key);
        Directory.CreateDirectory(Path.Combine(old.DataFolder, "club"));
        await File.WriteAllBytesAsync(Path.Combine(old.DataFolder, "club", "logo-0123.png"), TinyPng);
        await old.QueryAsync(async db =>
        {
            await db.SharedSecrets.ExecuteDeleteAsync();
            await db.ClubLogos.ExecuteDeleteAsync();
            return await db.Clubs.ExecuteUpdateAsync(c => c.SetProperty(x => x.LegacyLogoFileName, "logo-0123.png"));
        });

        await using var upgraded = new SecondInstanceFactory(old);
        await upgraded.InitializeAsync();

        var logo = await upgraded.QueryAsync(db => db.ClubLogos.SingleAsync());
        Assert.Equal(TinyPng, logo.Content);
        Assert.Null(await upgraded.QueryAsync(db => db.Clubs.Select(c => c.LegacyLogoFileName).FirstAsync()));
        Assert.Equal(key, await upgraded.QueryAsync(db => db.SharedSecrets.Where(s => s.Name == SharedSecret.AuditEmailHashKey).Select(s => s.Value).SingleAsync()));
        // Hashes written before the upgrade still match.
        Assert.Equal(new AuditEmailHasher(key).Hash("inconnu@exemple.fr"), upgraded.Services.GetRequiredService<AuditEmailHasher>().Hash("inconnu@exemple.fr"));
        Assert.Equal(HttpStatusCode.OK, (await upgraded.CreateBrowserClient().GetAsync("/reglages/logo")).StatusCode);
    }

    [Fact]
    public async Task Instances_with_their_own_data_folders_hash_e_mails_with_the_same_key()
    {
        await using var first = new CoachingAppFactory();
        await first.InitializeAsync();
        await using var second = new SharedDatabaseFactory(first);
        await second.InitializeAsync();

        var hash = first.Services.GetRequiredService<AuditEmailHasher>().Hash("inconnu@exemple.fr");

        Assert.Equal(hash, second.Services.GetRequiredService<AuditEmailHasher>().Hash("inconnu@exemple.fr"));
        Assert.False(File.Exists(Path.Combine(first.DataFolder, "keys", "audit-email-hash.key")));
    }

    private static async Task<HttpResponseMessage> UploadLogoAsync(HttpClient admin)
    {
        var page = await admin.GetPageAsync("/reglages");
        var file = new ByteArrayContent(TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var content = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken!), HtmlPage.AntiforgeryFieldName }, { file, "logo", "logo.png" } };
        return await admin.PostAsync("/reglages/logo", content);
    }

    private static async Task<HtmlPage> PreviewAsync(HttpClient client, string siret)
    {
        var page = await client.GetPageAsync("/importer");
        var csv = "nom_commerce;siret;code_naf;adresse;code_postal;commune;contact;email;telephone;salaries;age_dirigeant;statut;consentement;conseiller\n" +
                  $"Épicerie Partagée;{siret};47.11B;;33000;Bordeaux;Ana Import;;;;;;;\n";
        var file = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var content = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken!), HtmlPage.AntiforgeryFieldName }, { file, "file", "dossiers.csv" } };
        var preview = await client.PostAsync("/importer/apercu", content).ToPageAsync();
        Assert.NotNull(preview.InputValue("token"));
        return preview;
    }
}
