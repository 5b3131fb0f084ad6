using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Diagnostics.Questionnaires;

public static class QuestionnaireQueries
{
    /// <summary>A version with its whole content, for scoring, display or export.</summary>
    public static IQueryable<Questionnaire> WithContent(this IQueryable<Questionnaire> questionnaires) => questionnaires
        .Include(q => q.Axes).ThenInclude(a => a.Questions).ThenInclude(q => q.Options)
        .Include(q => q.Levels)
        .Include(q => q.Rules)
        .AsSplitQuery();

    public static async Task<int> NextVersionAsync(this CoachingDbContext db, string code, CancellationToken cancellationToken = default) =>
        (await db.Questionnaires.Where(q => q.Code == code).MaxAsync(q => (int?)q.Version, cancellationToken) ?? 0) + 1;
}
