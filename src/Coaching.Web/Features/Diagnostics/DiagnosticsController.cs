using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>
/// The guided assessment: advisors run diagnostics on the merchants they may edit; a merchant fills a self-assessment
/// of their own business. Everyone who may read a case file sees its completed results.
/// </summary>
[Authorize]
public sealed class DiagnosticsController(CoachingDbContext db, CaseFileAccess files, QuestionnaireCache questionnaires, AssessmentWorkflow workflow) : Controller
{
    private Viewer Viewer => User.ToViewer();

    [HttpGet("mon-diagnostic")]
    [Authorize(Policy = Policies.Merchant)]
    public IActionResult Mine() =>
        Viewer.MerchantId is { } merchantId ? RedirectToAction(nameof(Index), new { merchantId }) : NotFound();

    [HttpGet("dossiers/{merchantId:int}/diagnostics")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Index(int merchantId)
    {
        var file = await files.ReadAsync(merchantId, HttpContext.RequestAborted);
        if (file.IsDenied) return file.Denied;
        var merchant = file.Merchant;
        return View(await IndexModelAsync(merchant));
    }

    [HttpPost("dossiers/{merchantId:int}/diagnostics")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Start(int merchantId, StartForm form)
    {
        var file = await files.ReadAsync(merchantId, HttpContext.RequestAborted);
        if (file.IsDenied) return file.Denied;
        var merchant = file.Merchant;
        var kind = form.Kind == nameof(AssessmentKind.SelfAssessment) ? AssessmentKind.SelfAssessment : AssessmentKind.AdvisorDiagnostic;
        if (!CanFill(merchant, kind)) return Forbid();

        var offered = await OfferedAsync();
        var questionnaire = offered.FirstOrDefault(q => q.Id == form.QuestionnaireId) ?? (offered.Count == 1 ? offered[0] : null);
        if (questionnaire is null)
        {
            ModelState.AddModelError(nameof(StartForm.QuestionnaireId), offered.Count == 0
                ? "Aucun questionnaire n'est publié : un administrateur doit en publier un."
                : "Choisissez le questionnaire à utiliser.");
            return View(nameof(Index), await IndexModelAsync(merchant));
        }

        // One assessment of each kind in progress at a time: a second click resumes the first.
        var open = await db.Assessments.Where(a => a.MerchantId == merchantId && a.Kind == kind && a.Status == AssessmentStatus.InProgress)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (open is { } openId)
        {
            TempData["Flash"] = "Un diagnostic est déjà en cours pour ce commerce : vous le reprenez là où il en était.";
            return RedirectToAction(nameof(Resume), new { id = openId });
        }
        var full = await questionnaires.GetAsync(db, questionnaire.Id);
        var assessment = await workflow.StartAsync(merchant, full!, kind, Viewer.UserId);
        return RedirectToAction(nameof(Step), new { id = assessment.Id, step = 1 });
    }

    [HttpPost("diagnostics/{id:int}/valider")]
    [Audited(AuditAction.Change, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> Validate(int id)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (selfAssessment, merchant, questionnaire) = loaded.Value;
        if (selfAssessment.Kind != AssessmentKind.SelfAssessment || !selfAssessment.IsCompleted) return NotFound();
        if (!CanFill(merchant, AssessmentKind.AdvisorDiagnostic)) return Forbid();

        var open = await db.Assessments.AnyAsync(a => a.MerchantId == merchant.Id && a.Kind == AssessmentKind.AdvisorDiagnostic && a.Status == AssessmentStatus.InProgress);
        if (open)
        {
            TempData["Flash"] = "Un diagnostic conseiller est déjà en cours pour ce commerce : terminez-le avant de reprendre l'auto-évaluation.";
            return RedirectToAction(nameof(Index), new { merchantId = merchant.Id });
        }
        var assessment = await workflow.StartAsync(merchant, questionnaire, AssessmentKind.AdvisorDiagnostic, Viewer.UserId, selfAssessment);
        TempData["Flash"] = "Les réponses de l'auto-évaluation sont reprises : vérifiez-les ou corrigez-les avec le commerçant, puis terminez le diagnostic.";
        return RedirectToAction(nameof(Step), new { id = assessment.Id, step = 1 });
    }

    [HttpGet("diagnostics/{id:int}/etape/{step:int}")]
    [Audited(AuditAction.Read, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> Step(int id, int step)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (assessment.IsCompleted) return RedirectToAction(nameof(Results), new { id });
        if (!CanFill(merchant, assessment.Kind)) return Forbid();
        if (step < 1 || step > questionnaire.Axes.Count) return RedirectToAction(nameof(Step), new { id, step = 1 });
        return View(StepModels.Build(db, assessment, merchant, questionnaire, step, posted: null, null));
    }

    /// <summary>Resumes an assessment at its first step with an unanswered question, or at the review when all are answered.</summary>
    [HttpGet("diagnostics/{id:int}/reprendre")]
    [Audited(AuditAction.Read, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> Resume(int id)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (assessment.IsCompleted) return RedirectToAction(nameof(Results), new { id });
        if (!CanFill(merchant, assessment.Kind)) return Forbid();
        var step = StepProgress.FirstUnansweredStep(questionnaire, AssessmentWorkflow.AnswersOf(assessment));
        return step is { } first ? RedirectToAction(nameof(Step), new { id, step = first }) : RedirectToAction(nameof(Review), new { id });
    }

    [HttpPost("diagnostics/{id:int}/etape/{step:int}")]
    [Audited(AuditAction.Change, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> SaveStep(int id, int step, StepForm form)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (!CanFill(merchant, assessment.Kind)) return Forbid();
        step = Math.Clamp(step, 1, questionnaire.Axes.Count);

        var result = await workflow.SaveAnswersAsync(id, questionnaire, form.Answers.Select(a => a.ToPost()).ToList(), Viewer.UserId);
        if (result.BlockingMessage is not null)
        {
            TempData["Flash"] = result.BlockingMessage;
            return assessment.IsCompleted || await db.Assessments.AnyAsync(a => a.Id == id && a.Status == AssessmentStatus.Completed)
                ? RedirectToAction(nameof(Results), new { id })
                : RedirectToAction(nameof(Step), new { id, step });
        }
        if (!result.Succeeded)
        {
            var reloaded = (await LoadAsync(id))!.Value;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Step), StepModels.Build(db, reloaded.Assessment, merchant, questionnaire, step, form, result.Outcomes));
        }
        return form.Go switch
        {
            "previous" when step > 1 => RedirectToAction(nameof(Step), new { id, step = step - 1 }),
            "next" when step < questionnaire.Axes.Count => RedirectToAction(nameof(Step), new { id, step = step + 1 }),
            "review" or "next" => RedirectToAction(nameof(Review), new { id }),
            _ => RedirectToAction(nameof(Step), new { id, step }),
        };
    }

    /// <summary>Called by diagnostic.js as soon as an answer or a comment changes.</summary>
    [HttpPost("diagnostics/{id:int}/reponses")]
    [Audited(AuditAction.Change, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> SaveAnswers(int id, StepForm form)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound(new { message = "Ce diagnostic n'existe pas ou vous n'y avez pas accès." });
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (!CanFill(merchant, assessment.Kind)) return StatusCode(StatusCodes.Status403Forbidden, new { message = "Vous ne pouvez pas modifier ce diagnostic." });

        var result = await workflow.SaveAnswersAsync(id, questionnaire, form.Answers.Select(a => a.ToPost()).ToList(), Viewer.UserId);
        var saved = await db.Assessments.AsNoTracking().Include(a => a.Answers).FirstAsync(a => a.Id == id);
        var progress = StepProgress.Of(questionnaire, AssessmentWorkflow.AnswersOf(saved));
        var body = new
        {
            progress = new { label = progress.Label, percent = progress.Percent },
            message = result.BlockingMessage ?? (result.Succeeded ? "Réponse enregistrée." : "Réponse non enregistrée : voir le message sous la question."),
            answers = result.Outcomes.Select(o => new { questionCode = o.QuestionCode, version = o.Version, error = o.Error, conflict = o.Conflict }),
        };
        if (result.BlockingMessage is not null || result.Outcomes.Any(o => o.Conflict)) return Conflict(body);
        return result.Succeeded ? Ok(body) : UnprocessableEntity(body);
    }

    [HttpGet("diagnostics/{id:int}/terminer")]
    [Audited(AuditAction.Read, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> Review(int id)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (assessment.IsCompleted) return RedirectToAction(nameof(Results), new { id });
        if (!CanFill(merchant, assessment.Kind)) return Forbid();
        var missing = AnswerParser.Missing(questionnaire, AssessmentWorkflow.AnswersOf(assessment));
        return View(ReviewModel(assessment, merchant, questionnaire, missing, null));
    }

    [HttpPost("diagnostics/{id:int}/terminer")]
    [Audited(AuditAction.Change, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> Complete(int id)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (!CanFill(merchant, assessment.Kind)) return Forbid();

        var result = await workflow.CompleteAsync(id, questionnaire, Viewer.UserId);
        if (result.BlockingMessage is not null)
        {
            TempData["Flash"] = result.BlockingMessage;
            return RedirectToAction(nameof(Results), new { id });
        }
        if (result.Missing.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Review), ReviewModel(assessment, merchant, questionnaire, result.Missing,
                "Le diagnostic ne peut pas encore être terminé : répondez aux questions ci-dessous (ou choisissez « sans objet » quand c'est possible)."));
        }
        TempData["Flash"] = "Diagnostic terminé : les scores sont calculés et figés.";
        return RedirectToAction(nameof(Results), new { id });
    }

    [HttpGet("diagnostics/{id:int}")]
    [Audited(AuditAction.Read, AuditTarget.Assessment, "id")]
    public async Task<IActionResult> Results(int id, [FromServices] ResultsBuilder results)
    {
        var loaded = await LoadAsync(id);
        if (loaded is null) return NotFound();
        var (assessment, merchant, questionnaire) = loaded.Value;
        if (!assessment.IsCompleted)
        {
            return CanFill(merchant, assessment.Kind)
                ? RedirectToAction(nameof(Step), new { id, step = 1 })
                : RedirectToAction(nameof(Index), new { merchantId = merchant.Id });
        }
        var canValidate = assessment.Kind == AssessmentKind.SelfAssessment && CanFill(merchant, AssessmentKind.AdvisorDiagnostic);
        return View(await results.BuildAsync(assessment, merchant, questionnaire, canValidate, Viewer.IsStaff && Viewer.CanEdit(merchant), Viewer.IsStaff));
    }

    private bool CanFill(Merchant merchant, AssessmentKind kind) => Viewer.CanFill(merchant, kind);

    /// <summary>The assessment with its answers and scores, its merchant and its questionnaire version; null when the viewer may not read it.</summary>
    private async Task<(Assessment Assessment, Merchant Merchant, Questionnaire Questionnaire)?> LoadAsync(int id)
    {
        var assessment = await db.Assessments.AsNoTracking().AsSplitQuery()
            .Include(a => a.Answers).Include(a => a.AxisScores)
            .FirstOrDefaultAsync(a => a.Id == id);
        if (assessment is null) return null;
        var merchant = await db.Merchants.AsNoTracking().ReadableBy(Viewer).FirstOrDefaultAsync(m => m.Id == assessment.MerchantId);
        if (merchant is null) return null;
        var questionnaire = await questionnaires.GetAsync(db, assessment.QuestionnaireId);
        return questionnaire is null ? null : (assessment, merchant, questionnaire);
    }

    private async Task<List<Questionnaire>> OfferedAsync() =>
        await db.Questionnaires.AsNoTracking().Where(q => q.Status == QuestionnaireStatus.Published).OrderBy(q => q.Title).ToListAsync();

    private async Task<MerchantDiagnosticsViewModel> IndexModelAsync(Merchant merchant)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.MerchantId == merchant.Id)
            .OrderByDescending(a => a.StartedAt)
            .Select(a => new AssessmentSummary(a.Id, a.Kind, a.Status, a.Questionnaire!.Title, a.Questionnaire.Version,
                a.StartedAt, a.CompletedAt, a.OverallScore, a.LevelName, a.StartedBy == null ? null : a.StartedBy.DisplayName))
            .ToListAsync();
        return new MerchantDiagnosticsViewModel(merchant, assessments, await OfferedAsync(),
            CanFill(merchant, AssessmentKind.AdvisorDiagnostic), CanFill(merchant, AssessmentKind.SelfAssessment), Viewer.IsStaff);
    }

    private static ReviewViewModel ReviewModel(Assessment assessment, Merchant merchant, Questionnaire questionnaire, IReadOnlyList<Question> missing, string? message)
    {
        var steps = questionnaire.OrderedAxes.Select((axis, i) => (axis.Id, Step: i + 1)).ToDictionary(x => x.Id, x => x.Step);
        return new ReviewViewModel(assessment, merchant, questionnaire, missing.Select(q => (q, steps[q.AxisId])).ToList(), message);
    }
}
