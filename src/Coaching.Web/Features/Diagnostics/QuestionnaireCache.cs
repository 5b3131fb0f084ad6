using System.Collections.Concurrent;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>
/// Keeps the content of published and retired versions in memory: it never changes (see PublishedQuestionnaireGuard),
/// so every answer saved does not reload 50 questions. Drafts are always read from the database.
/// </summary>
public sealed class QuestionnaireCache
{
    private readonly ConcurrentDictionary<int, Questionnaire> _frozen = new();

    public async Task<Questionnaire?> GetAsync(CoachingDbContext db, int id)
    {
        if (_frozen.TryGetValue(id, out var cached)) return cached;
        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent().FirstOrDefaultAsync(q => q.Id == id);
        if (questionnaire is { Status: not QuestionnaireStatus.Draft })
            _frozen.TryAdd(id, questionnaire);
        return questionnaire;
    }
}

public static class DiagnosticsServices
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services)
    {
        services.AddSingleton<QuestionnaireCache>();
        services.AddScoped<AssessmentWorkflow>();
        services.AddScoped<ResultsBuilder>();
        return services;
    }
}
