using System.Text.RegularExpressions;

namespace Coaching.Web.Hosting;

/// <summary>
/// The English URLs of the old conventional route (<c>{controller}/{action}/{id?}</c>) and their French successors:
/// bookmarks and e-mailed links keep working through a permanent redirect (301), query string kept. Only for GET and
/// HEAD: an unsafe request to an old URL is not redirected (a browser would replay it as a GET) and gets the 404 of an
/// unknown URL. The old URLs were case-insensitive, and so is the table. Actions that only answered POST have no row.
/// </summary>
public static class LegacyUrls
{
    /// <summary>Old pattern → new pattern; <c>{id}</c> stands for one path segment of letters, digits and dashes (an int or a user id), copied as it is.</summary>
    public static IReadOnlyList<(string Old, string New)> Table { get; } =
    [
        ("/Home", "/"),
        ("/Home/Index", "/"),
        ("/Merchants", "/dossiers"),
        ("/Merchants/Index", "/dossiers"),
        ("/Merchants/Details/{id}", "/dossiers/{id}"),
        ("/Merchants/Create", "/dossiers/nouveau"),
        ("/Merchants/Edit/{id}", "/dossiers/{id}/modifier"),
        ("/MySpace", "/mon-espace"),
        ("/MySpace/Index", "/mon-espace"),
        ("/MySpace/feuilles-de-route/{id}", "/mon-espace/feuilles-de-route/{id}"),
        ("/MySpace/rendez-vous.ics", "/mon-espace/rendez-vous.ics"),
        ("/Users", "/comptes"),
        ("/Users/Index", "/comptes"),
        ("/Users/Invite", "/comptes/inviter"),
        ("/Caseloads", "/portefeuilles"),
        ("/Caseloads/Index", "/portefeuilles"),
        ("/Settings", "/reglages"),
        ("/Settings/Index", "/reglages"),
        ("/Settings/Logo", "/reglages/logo"),
        ("/Import", "/importer"),
        ("/Import/Index", "/importer"),
        ("/Import/Template", "/importer/modele"),
    ];

    private static readonly (Regex Old, string New)[] Compiled =
        Table.Select(r => (new Regex("^" + Regex.Escape(r.Old).Replace(@"\{id}", "(?<id>[A-Za-z0-9-]+)") + "/?$",
            // Linear matching instead of a time-out: a time-out fired on a starved thread turned a request into a 500.
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), r.New)).ToArray();

    /// <summary>The new path of an old one, or null when the path is not an old URL.</summary>
    public static string? NewPath(string path)
    {
        foreach (var (old, target) in Compiled)
        {
            var match = old.Match(path);
            if (match.Success) return match.Groups["id"].Success ? target.Replace("{id}", match.Groups["id"].Value) : target;
        }
        return null;
    }

    public static IApplicationBuilder UseLegacyUrlRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.HasValue && NewPath(request.Path.Value!) is { } path)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase + path + request.QueryString;
            return;
        }
        await next();
    });
}
