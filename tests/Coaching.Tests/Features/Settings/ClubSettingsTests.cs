using System.Net;
using System.Net.Http.Headers;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Settings;

/// <summary>Changes the club itself, so it runs on an app of its own.</summary>
public sealed class ClubSettingsTests : IAsyncLifetime
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly CoachingAppFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_admin_renames_the_club_and_every_page_shows_the_new_name()
    {
        var admin = await _app.CreateClientAs(Persona.Admin);
        var form = await admin.GetPageAsync("/reglages");

        var bad = await admin.SubmitAsync(form, "/reglages", ("Name", "Club des commerçants du Béarn"), ("Website", "pas une adresse")).ToPageAsync();
        Assert.Contains("adresse web complète", bad.FieldError("Website"));
        Assert.Equal("Club des commerçants du Béarn", bad.InputValue("Name"));

        var saved = await admin.SubmitAsync(form, "/reglages", ("Name", "Club des commerçants du Béarn"), ("Phone", "0559123456"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var signIn = await _app.CreateBrowserClient().GetPageAsync("/connexion");
        Assert.Contains("Club des commerçants du Béarn", signIn.Document.QuerySelector(".brand")!.TextContent);
        Assert.Equal("05 59 12 34 56", (await admin.GetPageAsync("/reglages")).InputValue("Phone"));
    }

    [Fact]
    public async Task A_logo_must_really_be_an_image_and_is_then_served_in_the_header()
    {
        var admin = await _app.CreateClientAs(Persona.Admin);

        var refused = await UploadAsync(admin, "logo.png", "<svg onload=alert(1)>"u8.ToArray()).ToPageAsync();
        Assert.Contains("PNG ou JPEG", refused.FieldError("logo"));

        var accepted = await UploadAsync(admin, "logo.png", TinyPng);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var logo = await _app.CreateBrowserClient().GetAsync("/reglages/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TinyPng, await logo.Content.ReadAsByteArrayAsync());
        Assert.NotNull((await admin.GetPageAsync("/reglages")).Document.QuerySelector("img.brand__logo"));

        var removed = await admin.PostFormAsync("/reglages/logo/supprimer", await admin.GetPageAsync("/reglages"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateBrowserClient().GetAsync("/reglages/logo")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.GetPageAsync("/reglages");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var content = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken!), HtmlPage.AntiforgeryFieldName }, { file, "logo", name } };
        return await client.PostAsync("/reglages/logo", content);
    }
}
