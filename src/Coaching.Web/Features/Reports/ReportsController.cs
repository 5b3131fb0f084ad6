using Coaching.Core.Audit;
using Coaching.Web.Features.Settings;
using Coaching.Web.Hosting;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Reports;
using Coaching.Core.Time;
using Coaching.Web.Features.Merchants;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;

namespace Coaching.Web.Features.Reports;

/// <summary>
/// « Rapports »: the club's figures for club managers and admins (whole club) and for advisors (their own caseload
/// only), with CSV, open-data and PDF exports of the same filters.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("rapports")]
public sealed class ReportsController(ReportQuery query, IValidator<ReportFilterForm> validator, StaffDirectory staff, ClubProfiles clubs, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportFilterForm form, CancellationToken cancellationToken)
    {
        var (model, _) = await PrepareAsync(form, cancellationToken);
        var club = await clubs.GetAsync(User.ToViewer().ClubId);
        return View(model with { RegionCode = club.RegionCode });
    }

    [HttpGet("export.csv")]
    [Audited(AuditAction.Export, AuditTarget.Report)]
    public async Task<IActionResult> Csv([FromQuery] ReportFilterForm form, CancellationToken cancellationToken)
    {
        var (model, report) = await PrepareAsync(form, cancellationToken);
        if (report is null) return View(nameof(Index), model);
        return File(ReportExports.Csv(report, model.FilterSummary), ReportExports.CsvContentType, FileName("csv"));
    }

    [HttpGet("donnees-ouvertes.csv")]
    [Audited(AuditAction.Export, AuditTarget.Report)]
    public async Task<IActionResult> OpenData([FromQuery] ReportFilterForm form, CancellationToken cancellationToken)
    {
        var (model, report) = await PrepareAsync(form, cancellationToken);
        if (report is null) return View(nameof(Index), model);
        return File(ReportExports.OpenData(report), ReportExports.CsvContentType, "donnees-ouvertes-" + FileName("csv"));
    }

    [HttpGet("rapport.pdf")]
    [Audited(AuditAction.Export, AuditTarget.Report)]
    public async Task<IActionResult> Pdf([FromQuery] ReportFilterForm form, CancellationToken cancellationToken)
    {
        var (model, report) = await PrepareAsync(form, cancellationToken);
        if (report is null) return View(nameof(Index), model);
        var club = await clubs.GetAsync(User.ToViewer().ClubId);
        return File(ReportExports.Pdf(report, club.Name, model.FilterSummary, User.DisplayName(), clock.GetUtcNow()), "application/pdf", FileName("pdf"));
    }

    private string FileName(string extension) => $"rapport-club-{clock.TodayInParis():yyyy-MM-dd}.{extension}";

    private async Task<(ReportViewModel Model, ClubReport? Report)> PrepareAsync(ReportFilterForm form, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var today = clock.TodayInParis();
        form.ApplyDefaults(today);
        var advisors = viewer.ManagesClub ? await staff.AdvisorsAsync(viewer.ClubId, cancellationToken) : [];
        var valid = await validator.ValidateIntoAsync(form, ModelState);
        var advisor = string.IsNullOrWhiteSpace(form.Advisor) ? null : form.Advisor.Trim();
        if (advisor is not null)
        {
            if (!viewer.ManagesClub && advisor != viewer.UserId)
            {
                ModelState.AddModelError(nameof(form.Advisor), "Vous ne voyez que les dossiers de votre portefeuille : ce filtre ne peut désigner que vous.");
                valid = false;
            }
            else if (viewer.ManagesClub && advisors.All(a => a.Id != advisor))
            {
                ModelState.AddModelError(nameof(form.Advisor), "Ce conseiller n'est pas un conseiller actif de votre club : aucun résultat à montrer.");
                valid = false;
            }
        }
        var caseload = viewer.Role == Roles.Advisor && !viewer.ManagesClub ? viewer.UserId : null;
        var model = new ReportViewModel(form, advisors, caseload is not null, Summary(form, advisors), null);
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status200OK;
            return (model, null);
        }
        var report = await query.RunAsync(form.ToFilter(viewer.ClubId, caseload, today), cancellationToken);
        return (model with { Report = report }, report);
    }

    private static List<(string Label, string Value)> Summary(ReportFilterForm form, IReadOnlyList<StaffMember> advisors)
    {
        static string Date(string? text) => ReportFilterForm.ParseDate(text)?.ToString("dd/MM/yyyy", ReportText.French) ?? text ?? "";
        var items = new List<(string, string)> { ("Période", $"du {Date(form.From)} au {Date(form.To)}") };
        if (!string.IsNullOrWhiteSpace(form.Department)) items.Add(("Département", FrenchGeography.Instance.FindDepartment(form.Department.Trim())?.Label ?? form.Department));
        if (!string.IsNullOrWhiteSpace(form.Commune)) items.Add(("Commune", FrenchGeography.Instance.FindCommune(form.Commune.Trim())?.Label ?? form.Commune));
        if (ReportFilterForm.ParseEnum<SectorFamily>(form.Sector) is { } sector) items.Add(("Secteur", sector.Label()));
        if (!string.IsNullOrWhiteSpace(form.Advisor)) items.Add(("Conseiller", advisors.FirstOrDefault(a => a.Id == form.Advisor)?.DisplayName ?? "moi"));
        if (!string.IsNullOrWhiteSpace(form.CohortFrom) || !string.IsNullOrWhiteSpace(form.CohortTo))
            items.Add(("Cohorte (dossiers ouverts)", $"{(string.IsNullOrWhiteSpace(form.CohortFrom) ? "" : "du " + Date(form.CohortFrom))} {(string.IsNullOrWhiteSpace(form.CohortTo) ? "" : "au " + Date(form.CohortTo))}".Trim()));
        if (ReportFilterForm.ParseEnum<CaseStatus>(form.Status) is { } status) items.Add(("Statut du dossier", status.Label()));
        if (ReportFilterForm.ParseEnum<AgeBand>(form.AgeBand) is { } age) items.Add(("Âge du gérant", age.Label()));
        return items;
    }
}

public sealed record ReportViewModel(
    ReportFilterForm Form,
    IReadOnlyList<StaffMember> Advisors,
    bool OwnCaseloadOnly,
    IReadOnlyList<(string Label, string Value)> FilterSummary,
    ClubReport? Report)
{
    /// <summary>The club's region: the department filter lists its departments first (all of them on demand).</summary>
    public string RegionCode { get; init; } = "";
}
