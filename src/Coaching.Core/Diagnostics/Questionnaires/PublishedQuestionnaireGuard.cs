using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>Thrown when a save would change a published or retired questionnaire version.</summary>
public sealed class PublishedQuestionnaireException(string message) : InvalidOperationException(message);

/// <summary>
/// Run before every save: a published or retired version keeps its content forever (assessments refer to it).
/// The only change allowed is moving between published and retired. Drafts change freely.
/// </summary>
public static class PublishedQuestionnaireGuard
{
    private static readonly HashSet<string> StatusProperties =
        [nameof(Questionnaire.Status), nameof(Questionnaire.RetiredAt), nameof(Questionnaire.PublishedAt)];

    public static void Check(DbContext db)
    {
        var ids = ChangedQuestionnaireIds(db);
        if (ids.Count == 0) return;
        ThrowIfAny(db.Set<Questionnaire>().Where(q => ids.Contains(q.Id) && q.Status != QuestionnaireStatus.Draft)
            .Select(q => new { q.Code, q.Version }).AsEnumerable().Select(q => (q.Code, q.Version)));
    }

    public static async Task CheckAsync(DbContext db, CancellationToken cancellationToken)
    {
        var ids = ChangedQuestionnaireIds(db);
        if (ids.Count == 0) return;
        var locked = await db.Set<Questionnaire>().Where(q => ids.Contains(q.Id) && q.Status != QuestionnaireStatus.Draft)
            .Select(q => new { q.Code, q.Version }).ToListAsync(cancellationToken);
        ThrowIfAny(locked.Select(q => (q.Code, q.Version)));
    }

    private static void ThrowIfAny(IEnumerable<(string Code, int Version)> locked)
    {
        foreach (var (code, version) in locked)
            throw Locked(code, version);
    }

    private static PublishedQuestionnaireException Locked(string code, int version) =>
        new($"La version {version} du questionnaire {code} est publiée : son contenu ne peut plus être modifié. Créez une nouvelle version.");

    /// <summary>Ids of the stored questionnaires whose content the pending changes touch.</summary>
    private static List<int> ChangedQuestionnaireIds(DbContext db)
    {
        var ids = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Questionnaire questionnaire when entry.State != EntityState.Added:
                    CheckRoot(entry, questionnaire);
                    break;
                case QuestionnaireAxis or Question or MaturityLevel or RecommendationRule:
                    ids.Add(Original<int>(entry, "QuestionnaireId"));
                    break;
                case QuestionOption:
                    ids.Add(QuestionnaireOfQuestion(db, Original<int>(entry, nameof(QuestionOption.QuestionId))));
                    break;
            }
        }
        // Keys of rows not saved yet are temporary (negative): they belong to new questionnaires.
        return ids.Where(id => id > 0).ToList();
    }

    private static int QuestionnaireOfQuestion(DbContext db, int questionId)
    {
        var tracked = db.ChangeTracker.Entries<Question>().FirstOrDefault(e => e.Entity.Id == questionId);
        if (tracked is not null) return tracked.Entity.QuestionnaireId;
        return questionId > 0 ? db.Set<Question>().Where(q => q.Id == questionId).Select(q => q.QuestionnaireId).FirstOrDefault() : 0;
    }

    private static void CheckRoot(EntityEntry entry, Questionnaire questionnaire)
    {
        var original = (QuestionnaireStatus)entry.OriginalValues[nameof(Questionnaire.Status)]!;
        if (original == QuestionnaireStatus.Draft) return;
        var contentChanged = entry.State == EntityState.Deleted ||
            entry.Properties.Any(p => p.IsModified && !StatusProperties.Contains(p.Metadata.Name)) ||
            questionnaire.Status == QuestionnaireStatus.Draft;
        if (contentChanged)
            throw Locked((string)entry.OriginalValues[nameof(Questionnaire.Code)]!, (int)entry.OriginalValues[nameof(Questionnaire.Version)]!);
    }

    private static T Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? (T)entry.Property(property).CurrentValue! : (T)entry.OriginalValues[property]!;
}
