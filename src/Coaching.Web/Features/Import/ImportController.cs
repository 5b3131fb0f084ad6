using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Coaching.Web.Features.Audit;

namespace Coaching.Web.Features.Import;

/// <summary>CSV import of case files: upload, preview with a line-by-line report, then all lines or none.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("importer")]
public sealed class ImportController(MerchantImporter importer, PendingImports pending) : Controller
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [Route("")]
    public IActionResult Index() => View();

    [HttpGet("modele")]
    public IActionResult Template()
    {
        var header = string.Join(';', MerchantCsvColumns.All.Select(c => c.Header));
        const string example = "Fleurs du Marché;73282932000074;47.76Z;12 place du Marché;33000;Bordeaux;Julie Martin;contact@fleurs-du-marche.fr;05 56 12 34 56;2;47;prospect;oui;";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(header + "\r\n" + example + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "modele-import-dossiers.csv");
    }

    [HttpPost("apercu")]
    [RequestSizeLimit(MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Preview(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choisissez un fichier CSV à importer.");
            return View(nameof(Index));
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.");
            return View(nameof(Index));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var viewer = User.ToViewer();
        var check = await importer.CheckAsync(new MemoryStream(content), viewer, cancellationToken);
        var fileName = Path.GetFileName(file.FileName);
        Guid? token = check.CanImport ? await pending.SaveAsync(viewer.UserId, fileName, content, cancellationToken) : null;
        return View(new ImportPreviewViewModel(fileName, check, token));
    }

    [HttpPost("confirmer")]
    [Audited(AuditAction.Change, AuditTarget.Merchant)]
    public async Task<IActionResult> Confirm(Guid token, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var stored = await pending.LoadAsync(viewer.UserId, token, cancellationToken);
        if (stored is not { } file)
        {
            TempData["Flash"] = "Cet import a expiré ou a déjà été fait. Déposez le fichier à nouveau.";
            return RedirectToAction(nameof(Index));
        }
        // Checked again: another import or an edit may have taken a SIRET since the preview.
        var check = await importer.CheckAsync(new MemoryStream(file.Content), viewer, cancellationToken);
        if (!check.CanImport)
            return View(nameof(Preview), new ImportPreviewViewModel(file.FileName, check, null));

        var count = await importer.ImportAsync(check, viewer, file.FileName, cancellationToken);
        await pending.DeleteAsync(viewer.UserId, token, cancellationToken);
        TempData["Flash"] = count == 1 ? "1 dossier importé." : $"{count} dossiers importés.";
        return RedirectToAction("Index", "Merchants", new { sort = "recent" });
    }
}

public sealed record ImportPreviewViewModel(string FileName, ImportCheck Check, Guid? Token);
