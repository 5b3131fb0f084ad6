using System.Text;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Format;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Web.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.Questionnaires;

public sealed record QuestionnaireImportViewModel(IReadOnlyList<FormatError> Errors, string? FileName);

/// <summary>Administration of the questionnaire versions: list, view, export and import JSON, derive a draft, edit its texts, publish, retire.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class QuestionnairesController(CoachingDbContext db, TimeProvider clock) : Controller
{
    public const int MaxFileBytes = 1024 * 1024;

    [HttpGet("questionnaires")]
    public async Task<IActionResult> Index() =>
        View(await db.Questionnaires.AsNoTracking().OrderBy(q => q.Code).ThenByDescending(q => q.Version).ToListAsync());

    [HttpGet("questionnaires/{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent().FirstOrDefaultAsync(q => q.Id == id);
        return questionnaire is null ? NotFound() : View(questionnaire);
    }

    [HttpGet("questionnaires/{id:int}/export")]
    public async Task<IActionResult> Export(int id)
    {
        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent().FirstOrDefaultAsync(q => q.Id == id);
        if (questionnaire is null) return NotFound();
        var json = QuestionnaireJson.Write(QuestionnaireFileMapper.ToFile(questionnaire));
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"{questionnaire.Code}-v{questionnaire.Version}.json");
    }

    [HttpGet("questionnaires/import")]
    public IActionResult Import() => View(new QuestionnaireImportViewModel([], null));

    [HttpPost("questionnaires/import")]
    [RequestSizeLimit(MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, [FromServices] QuestionnaireImporter importer)
    {
        if (file is null || file.Length == 0)
            return ImportFailed(null, new FormatError("fichier", "Choisissez un fichier JSON à importer."));
        if (file.Length > MaxFileBytes)
            return ImportFailed(file.FileName, new FormatError("fichier", "Le fichier dépasse 1 Mo : ce n'est sans doute pas un questionnaire."));

        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            json = await reader.ReadToEndAsync();
        var result = await importer.ImportAsync(json);
        if (!result.Succeeded) return ImportFailed(file.FileName, [.. result.Errors]);

        var q = result.Questionnaire!;
        TempData["Flash"] = $"Version {q.Version} du questionnaire {q.Code} importée ({q.Status.Label().ToLower(FrenchCulture.Info)}).";
        return RedirectToAction(nameof(Details), new { id = q.Id });
    }

    [HttpPost("questionnaires/{id:int}/deriver")]
    public async Task<IActionResult> Derive(int id)
    {
        var source = await db.Questionnaires.AsNoTracking().WithContent().FirstOrDefaultAsync(q => q.Id == id);
        if (source is null) return NotFound();
        var draft = QuestionnaireLifecycle.Derive(source, await db.NextVersionAsync(source.Code), clock.GetUtcNow());
        db.Questionnaires.Add(draft);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            TempData["Flash"] = "Une autre version vient d'être créée en même temps : réessayez.";
            return RedirectToAction(nameof(Index));
        }
        TempData["Flash"] = $"Brouillon version {draft.Version} créé à partir de la version {source.Version} : modifiez-le puis publiez-le.";
        return RedirectToAction(nameof(Edit), new { id = draft.Id });
    }

    [HttpGet("questionnaires/{id:int}/modifier")]
    public async Task<IActionResult> Edit(int id)
    {
        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent().FirstOrDefaultAsync(q => q.Id == id);
        if (questionnaire is null) return NotFound();
        if (!questionnaire.IsEditable) return NotEditable(questionnaire);
        ViewData["Questionnaire"] = questionnaire;
        return View(QuestionnaireEditForm.From(questionnaire));
    }

    [HttpPost("questionnaires/{id:int}/modifier")]
    public async Task<IActionResult> Edit(int id, QuestionnaireEditForm form, [FromServices] IValidator<QuestionnaireEditForm> validator)
    {
        var questionnaire = await db.Questionnaires.WithContent().FirstOrDefaultAsync(q => q.Id == id);
        if (questionnaire is null) return NotFound();
        if (!questionnaire.IsEditable) return NotEditable(questionnaire);
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            ViewData["Questionnaire"] = questionnaire;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(form);
        }
        form.ApplyTo(questionnaire);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (PublishedQuestionnaireException error)
        {
            TempData["Flash"] = error.Message;
            return RedirectToAction(nameof(Details), new { id });
        }
        TempData["Flash"] = "Textes enregistrés.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("questionnaires/{id:int}/publier")]
    public async Task<IActionResult> Publish(int id)
    {
        var questionnaire = await db.Questionnaires.FirstOrDefaultAsync(q => q.Id == id);
        if (questionnaire is null) return NotFound();
        if (!questionnaire.IsEditable) return NotEditable(questionnaire);
        var sameCode = await db.Questionnaires.Where(q => q.Code == questionnaire.Code && q.Id != id).ToListAsync();
        QuestionnaireLifecycle.Publish(questionnaire, sameCode, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Version {questionnaire.Version} publiée : les nouveaux diagnostics l'utilisent ; ceux déjà commencés gardent leur version.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("questionnaires/{id:int}/retirer")]
    public async Task<IActionResult> Retire(int id)
    {
        var questionnaire = await db.Questionnaires.FirstOrDefaultAsync(q => q.Id == id);
        if (questionnaire is null) return NotFound();
        QuestionnaireLifecycle.Retire(questionnaire, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Version {questionnaire.Version} retirée : elle n'est plus proposée pour les nouveaux diagnostics.";
        return RedirectToAction(nameof(Index));
    }

    private RedirectToActionResult NotEditable(Questionnaire questionnaire)
    {
        TempData["Flash"] = $"La version {questionnaire.Version} est {questionnaire.Status.Label().ToLower(FrenchCulture.Info)} : elle ne peut plus être modifiée. Créez une nouvelle version à partir d'elle.";
        return RedirectToAction(nameof(Details), new { id = questionnaire.Id });
    }

    private ViewResult ImportFailed(string? fileName, params FormatError[] errors)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Import), new QuestionnaireImportViewModel(errors, fileName));
    }
}
