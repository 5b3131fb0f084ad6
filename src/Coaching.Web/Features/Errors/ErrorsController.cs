using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Errors;

[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("erreur/{status:int?}")]
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    // From the route only: this page is re-executed for the refused request itself, whose form may be unreadable.
    public IActionResult Show([FromRoute] int? status)
    {
        // Only error statuses: /erreur/0 or /erreur/200 typed by hand is a page that does not exist.
        var code = status is >= 400 and <= 599 ? status.Value : status is null ? 500 : 404;
        Response.StatusCode = code;
        if (HttpContext.Items[Coaching.Web.Hosting.RateLimits.RetryAfterItem] is TimeSpan wait)
            Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return View("Error", new ErrorViewModel(code, CorrelationId(HttpContext))
        {
            RetryAfter = HttpContext.Items[Coaching.Web.Hosting.RateLimits.RetryAfterItem] as TimeSpan?,
        });
    }

    /// <summary>
    /// The id shown to the user: the request's W3C trace id, which every log entry of the request carries in its scope
    /// (« TraceId », logging's default activity tracking), including the exception logged before this page is rendered.
    /// </summary>
    public static string CorrelationId(HttpContext context) =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : context.TraceIdentifier;
}

public sealed record ErrorViewModel(int Status, string CorrelationId)
{
    /// <summary>For a 429: how long to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public string Title => Status switch
    {
        400 => "Requête incorrecte",
        403 => "Accès refusé",
        404 => "Page introuvable",
        413 => "Envoi trop volumineux",
        429 => "Trop de tentatives",
        _ => "Une erreur est survenue",
    };

    public string Message => Status switch
    {
        400 => "La requête n'a pas pu être traitée. Revenez à la page précédente et réessayez.",
        403 => "Vous n'avez pas accès à cette page.",
        404 => "Cette page n'existe pas, ou vous n'y avez pas accès.",
        413 => "Ce que vous avez envoyé dépasse la taille permise : 2 Mo pour un fichier d'import, 1 Mo pour un questionnaire. Découpez le fichier et réessayez.",
        429 => $"Trop de tentatives en peu de temps. Par sécurité, attendez {Wait(RetryAfter)} avant de réessayer.",
        _ => "Nous n'avons pas pu traiter votre demande. Rien de ce qui était déjà enregistré n'est perdu ; réessayez dans un instant.",
    };

    private static string Wait(TimeSpan? wait)
    {
        var seconds = (int)Math.Ceiling((wait ?? TimeSpan.FromMinutes(1)).TotalSeconds);
        if (seconds < 60) return seconds == 1 ? "1\u00A0seconde" : $"{seconds}\u00A0secondes";
        var minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1\u00A0minute" : $"{minutes}\u00A0minutes";
    }
}
