using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
        var model = new ErrorViewModel(code, Activity.Current?.Id ?? HttpContext.TraceIdentifier);
        return View("Error", model);
    }
}

public sealed record ErrorViewModel(int Status, string CorrelationId)
{
    public string Title => Status switch
    {
        400 => "Requête incorrecte",
        403 => "Accès refusé",
        404 => "Page introuvable",
        413 => "Envoi trop volumineux",
        _ => "Une erreur est survenue",
    };

    public string Message => Status switch
    {
        400 => "La requête n'a pas pu être traitée. Revenez à la page précédente et réessayez.",
        403 => "Vous n'avez pas accès à cette page.",
        404 => "Cette page n'existe pas, ou vous n'y avez pas accès.",
        413 => "Ce que vous avez envoyé dépasse la taille permise : 2 Mo pour un fichier d'import, 1 Mo pour un questionnaire. Découpez le fichier et réessayez.",
        _ => "Nous n'avons pas pu traiter votre demande. Rien de ce qui était déjà enregistré n'est perdu ; réessayez dans un instant.",
    };
}
