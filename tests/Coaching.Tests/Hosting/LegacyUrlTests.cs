using System.Net;
using Coaching.Tests.Support;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.Hosting;

namespace Coaching.Tests.Hosting;

/// <summary>
/// The URLs are French and lowercase, and every English URL of the old conventional route answers a permanent redirect
/// to its successor (GET/HEAD only, query string kept), so that bookmarks and e-mailed links keep working.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LegacyUrlTests(CoachingAppFactory app)
{
    /// <summary>Segments of the old English scheme (controller and action names) that no route may use any more.</summary>
    private static readonly HashSet<string> EnglishSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "home", "index", "merchants", "details", "create", "edit", "reassign", "myspace", "users", "invite",
        "resendinvitation", "setactive", "caseloads", "transfer", "settings", "uploadlogo", "removelogo",
        "template", "preview", "confirm", "account", "login", "logout",
    };

    public static TheoryData<string, string> Redirects => new()
    {
        { "/Home", "/" },
        { "/Home/Index", "/" },
        { "/Merchants", "/dossiers" },
        { "/Merchants/Index", "/dossiers" },
        { "/Merchants?status=Coaching&sort=commune", "/dossiers?status=Coaching&sort=commune" },
        { "/merchants/details/57", "/dossiers/57" },
        { "/Merchants/Details/57?kind=Updated", "/dossiers/57?kind=Updated" },
        { "/Merchants/Create", "/dossiers/nouveau" },
        { "/Merchants/Edit/57", "/dossiers/57/modifier" },
        { "/MySpace", "/mon-espace" },
        { "/MySpace/Index", "/mon-espace" },
        { "/MySpace/feuilles-de-route/57", "/mon-espace/feuilles-de-route/57" },
        { "/MySpace/rendez-vous.ics", "/mon-espace/rendez-vous.ics" },
        { "/Users", "/comptes" },
        { "/Users/Index", "/comptes" },
        { "/Users/Invite?merchantId=12", "/comptes/inviter?merchantId=12" },
        { "/Caseloads", "/portefeuilles" },
        { "/Caseloads/Index", "/portefeuilles" },
        { "/Settings", "/reglages" },
        { "/Settings/Index", "/reglages" },
        { "/Settings/Logo", "/reglages/logo" },
        { "/Import", "/importer" },
        { "/Import/Index", "/importer" },
        { "/Import/Template", "/importer/modele" },
    };

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task An_old_url_redirects_permanently_to_its_new_one(string old, string expected)
    {
        using var client = app.CreateBrowserClient();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, old));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(expected, response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public void Every_row_of_the_table_is_tested_and_leads_to_a_route_of_the_app()
    {
        var tested = Redirects.Select(r => (string)r[0]).Select(u => u.Split('?')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (old, target) in LegacyUrls.Table)
        {
            var sample = old.Replace("{id}", "57");
            Assert.True(tested.Any(t => LegacyUrls.NewPath(t) == LegacyUrls.NewPath(sample)), $"{old} has no redirect test");
            Assert.Equal(target.Replace("{id}", "57"), LegacyUrls.NewPath(sample));
        }
        Assert.Null(LegacyUrls.NewPath("/dossiers/57"));
        Assert.Null(LegacyUrls.NewPath("/Merchants/Details/57/plus"));
        Assert.Null(LegacyUrls.NewPath("/Merchants/Details/a%0Db"));
    }

    [Theory]
    [InlineData("/Merchants/Create")]
    [InlineData("/Merchants/Edit/1")]
    [InlineData("/Merchants/Reassign/1")]
    [InlineData("/Users/Invite")]
    [InlineData("/Settings")]
    [InlineData("/Caseloads/Transfer")]
    [InlineData("/Import/Preview")]
    [InlineData("/MySpace")]
    public async Task A_post_to_an_old_url_is_not_redirected(string old)
    {
        using var client = await app.CreateClientAs(Persona.Admin);
        var token = await app.AntiforgeryTokenOf(Persona.Admin);
        using var response = await client.PostFormAsync(old, token, ("id", "1"));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST {old}: {(int)response.StatusCode}");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public void Every_route_template_is_lowercase_french()
    {
        var templates = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Distinct().ToList();
        Assert.NotEmpty(templates);
        var wrong = templates.Where(t =>
        {
            var literal = string.Join('/', t.Split('/').Where(s => !s.StartsWith('{')));
            return literal != literal.ToLowerInvariant()
                || t.Split('/', '.').Any(EnglishSegments.Contains)
                || t.Contains("{controller", StringComparison.Ordinal) || t.Contains("{action", StringComparison.Ordinal);
        }).ToList();
        Assert.True(wrong.Count == 0, "Routes not in the French lowercase scheme: " + string.Join(", ", wrong));
    }
}
