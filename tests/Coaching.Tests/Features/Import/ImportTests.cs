using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Import;

[Collection(AppCollection.Name)]
public sealed class ImportTests(CoachingAppFactory app)
{
    private const string Header = "nom_commerce;siret;code_naf;adresse;code_postal;commune;contact;email;telephone;salaries;age_dirigeant;statut;consentement;conseiller";

    private static async Task<HtmlPage> UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetPageAsync("/importer");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken!), HtmlPage.AntiforgeryFieldName },
        };
        var file = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "dossiers.csv");
        return await client.PostAsync("/importer/apercu", content).ToPageAsync();
    }

    [Fact]
    public async Task A_valid_file_is_previewed_then_imported_whole()
    {
        var client = await app.CreateClientAs(Persona.Manager);
        var (first, second) = (TestData.NewSiret(), TestData.NewSiret());
        var csv = $"{Header}\nBoulangerie Import;{first};10.71C;1 rue A;64100;Bayonne;Jean Dupont;;0559000000;3;52;en accompagnement;oui;conseillere@demo.local\n" +
                  $"Café Import;{second};56.30Z;;33000;Bordeaux;Zoé Import;;;;;;;\n";

        var preview = await UploadAsync(client, csv);
        Assert.Contains("Aucune erreur", preview.Text);
        Assert.Equal(0, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == first || m.Siret == second)));

        var confirm = await client.SubmitAsync(preview, "/importer/confirmer");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var imported = await app.QueryAsync(db => db.Merchants.Include(m => m.Events).Where(m => m.Siret == first || m.Siret == second).ToListAsync());
        Assert.Equal(2, imported.Count);
        var bakery = imported.Single(m => m.Siret == first);
        Assert.Equal(app.Ids.AdvisorBUserId, bakery.AssignedAdvisorId);
        Assert.Equal(CaseStatus.Coaching, bakery.Status);
        Assert.Equal("64", bakery.DepartmentCode);
        Assert.Contains(bakery.Events, e => e.Kind == CaseEventKind.Imported && e.Summary.Contains("ligne 2", StringComparison.Ordinal));

        // The same confirmation cannot import twice.
        var again = await client.SubmitAsync(preview, "/importer/confirmer");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == first || m.Siret == second)));
    }

    [Fact]
    public async Task One_bad_line_imports_nothing_and_names_the_line_and_column()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var (good, duplicate) = (TestData.NewSiret(), TestData.NewSiret());
        var csv = $"{Header}\nBon;{good};47.76Z;;33000;Bordeaux;A;;;;;;;\n" +
                  $"Mauvais;{duplicate};47.76Z;;33000;Pessac;B;x@;;;;;;\n" +
                  $"Doublon;{good};47.76Z;;33000;Bordeaux;C;;;;;;;\n" +
                  $"Affecté;{duplicate};47.76Z;;33000;Bordeaux;D;;;;;;;conseillere@demo.local\n";

        var preview = await UploadAsync(client, csv);

        var errors = preview.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains('3') && e.Contains("commune", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains('3') && e.Contains("email", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains('4') && e.Contains("ligne 2 du fichier", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains('5') && e.Contains("responsable du club", StringComparison.Ordinal));
        Assert.Null(preview.InputValue("token"));
        Assert.Equal(0, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == good || m.Siret == duplicate)));
    }

    [Fact]
    public async Task A_confirmation_is_checked_again_and_only_its_uploader_can_use_it()
    {
        var manager = await app.CreateClientAs(Persona.Manager);
        var siret = TestData.NewSiret();
        var preview = await UploadAsync(manager, $"{Header}\nUnique;{siret};47.76Z;;33000;Bordeaux;A;;;;;;;\n");
        var token = preview.InputValue("token")!;

        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var stolen = await advisor.PostFormAsync("/importer/confirmer", await advisor.GetPageAsync("/importer"), ("token", token));
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == siret)));

        // Someone creates the same SIRET between preview and confirmation.
        await manager.SubmitAsync(await manager.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(siret));
        var late = await manager.SubmitAsync(preview, "/importer/confirmer").ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("existe déjà", late.Text);
        Assert.Equal(1, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == siret)));
    }

    [Fact]
    public async Task The_template_is_a_French_spreadsheet_CSV_that_the_import_accepts()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var response = await client.GetAsync("/importer/modele");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        Assert.Empty(Coaching.Web.Features.Import.MerchantCsvReader.Read(new MemoryStream(bytes)).Errors);
    }

    [Fact]
    public async Task No_file_gets_a_message_next_to_the_field()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var page = await client.GetPageAsync("/importer");

        var answer = await client.PostFormAsync("/importer/apercu", page).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Choisissez un fichier", answer.FieldError("file"));
    }
}
