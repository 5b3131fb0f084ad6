using System.Net;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>
/// A NUL character in the query string gets the French 400 page before any page sees it: PostgreSQL's text cannot hold
/// it, so a search for it would otherwise end in a 500 there. (The server refuses one in the path by itself.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NulInUrlTests(CoachingAppFactory app)
{
    [Theory]
    [InlineData("/dossiers?q=a%00b")]
    [InlineData("/dossiers?q=boulangerie&a%00=1")]
    [InlineData("/journal?Email=x%00%40exemple.fr")]
    public async Task Is_refused_with_the_French_400_page(string url)
    {
        var admin = await app.CreateClientAs(Persona.Admin);

        var page = await HtmlPage.ParseAsync(await admin.GetAsync(url));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Requête incorrecte", page.Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task The_same_search_without_it_is_served()
    {
        var admin = await app.CreateClientAs(Persona.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dossiers?q=ab")).StatusCode);
    }
}
