using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Radar;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Time;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>Gathers the figures of the results page: this assessment, the merchant's first diagnostic, and the sector average.</summary>
public sealed class ResultsBuilder(CoachingDbContext db, Features.Plans.PlanEditor plans)
{
    /// <summary>Below this many merchants the sector average is not shown: it would reveal one merchant's scores.</summary>
    public const int MinimumMerchantsForAverage = 3;

    public async Task<ResultsViewModel> BuildAsync(Assessment assessment, Merchant merchant, Questionnaire questionnaire, bool canValidate, bool canEditPlan, bool isStaff)
    {
        var scores = assessment.AxisScores.ToDictionary(s => s.AxisCode, s => s.Score, StringComparer.Ordinal);
        var first = await FirstDiagnosticAsync(assessment, merchant);
        var (average, count) = await SectorAverageAsync(merchant, questionnaire.Code);

        var rows = questionnaire.OrderedAxes.Select(axis => new AxisRow(
            axis.Code,
            axis.Title,
            scores.GetValueOrDefault(axis.Code),
            first?.Scores.GetValueOrDefault(axis.Code),
            average?.GetValueOrDefault(axis.Code))).ToList();

        var firstLabel = first is null ? null : $"Premier diagnostic ({first.CompletedAt.ToParis():dd/MM/yyyy})";
        var averageLabel = average is null ? null : $"Moyenne {merchant.Sector.Label().ToLower(FrenchCulture.Info)}, département {merchant.DepartmentCode}";
        return new ResultsViewModel(
            assessment,
            merchant,
            questionnaire,
            rows,
            firstLabel,
            averageLabel,
            count,
            Radar(rows, assessment, firstLabel, averageLabel),
            rows.Where(r => r.Score is not null).OrderBy(r => r.Score).Take(3).ToList(),
            Core.Plans.PlanRanking.RankCompleted(assessment, questionnaire, await plans.CatalogueAsync(CancellationToken.None)),
            questionnaire.Levels.FirstOrDefault(l => l.Name == assessment.LevelName),
            canValidate,
            canEditPlan,
            isStaff);
    }

    private static string? Radar(IReadOnlyList<AxisRow> rows, Assessment assessment, string? firstLabel, string? averageLabel)
    {
        if (rows.Count < 3) return null;
        var series = new List<RadarSeries>
        {
            new($"Ce diagnostic ({assessment.CompletedAt?.ToParis():dd/MM/yyyy})", rows.Select(r => r.Score).ToList()),
        };
        if (firstLabel is not null) series.Add(new RadarSeries(firstLabel, rows.Select(r => r.First).ToList()));
        if (averageLabel is not null) series.Add(new RadarSeries(averageLabel, rows.Select(r => r.Average).ToList()));
        var layout = RadarGeometry.Compute(rows.Select(r => r.Title).ToList(), series);
        return SvgRadarRenderer.Render(layout, "Scores par axe, sur 100 : " + string.Join(", ", series.Select(s => s.Name)), "radar-" + assessment.Id);
    }

    private sealed record FirstDiagnostic(DateTimeOffset CompletedAt, Dictionary<string, double?> Scores);

    /// <summary>The merchant's earliest completed advisor diagnostic, when it is not this one.</summary>
    private async Task<FirstDiagnostic?> FirstDiagnosticAsync(Assessment assessment, Merchant merchant)
    {
        var first = await db.Assessments.AsNoTracking()
            .Where(a => a.MerchantId == merchant.Id && a.Status == AssessmentStatus.Completed && a.Kind == AssessmentKind.AdvisorDiagnostic)
            .OrderBy(a => a.CompletedAt)
            .Select(a => new { a.Id, a.CompletedAt })
            .FirstOrDefaultAsync();
        if (first is null || first.Id == assessment.Id || first.CompletedAt > assessment.CompletedAt) return null;
        var scores = await db.AssessmentAxisScores.AsNoTracking().Where(s => s.AssessmentId == first.Id)
            .ToDictionaryAsync(s => s.AxisCode, s => s.Score, StringComparer.Ordinal);
        return new FirstDiagnostic(first.CompletedAt!.Value, scores);
    }

    /// <summary>Mean per axis code of the latest completed advisor diagnostic of each merchant of the same club, sector and department.</summary>
    private async Task<(Dictionary<string, double?>? Average, int Count)> SectorAverageAsync(Merchant merchant, string questionnaireCode)
    {
        var latest = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Completed && a.Kind == AssessmentKind.AdvisorDiagnostic &&
                a.Questionnaire!.Code == questionnaireCode &&
                a.Merchant!.ClubId == merchant.ClubId && a.Merchant.Sector == merchant.Sector && a.Merchant.DepartmentCode == merchant.DepartmentCode)
            .Select(a => new { a.Id, a.MerchantId, a.CompletedAt })
            .ToListAsync();
        var ids = latest.GroupBy(a => a.MerchantId).Select(g => g.OrderByDescending(a => a.CompletedAt).First().Id).ToList();
        if (ids.Count < MinimumMerchantsForAverage) return (null, ids.Count);

        var scores = await db.AssessmentAxisScores.AsNoTracking()
            .Where(s => ids.Contains(s.AssessmentId) && s.Score != null)
            .Select(s => new { s.AxisCode, s.Score })
            .ToListAsync();
        var average = scores.GroupBy(s => s.AxisCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double?)g.Average(s => s.Score!.Value), StringComparer.Ordinal);
        return (average, ids.Count);
    }
}
