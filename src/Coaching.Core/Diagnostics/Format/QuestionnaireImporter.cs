using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Diagnostics.Format;

public sealed record ImportResult(Questionnaire? Questionnaire, IReadOnlyList<FormatError> Errors)
{
    public bool Succeeded => Questionnaire is not null;
}

/// <summary>
/// Imports a questionnaire file as a new version of its code (the next free number, whatever the file says):
/// a draft, or a published version if the file says « published ». A file with any error changes nothing.
/// </summary>
public sealed class QuestionnaireImporter(CoachingDbContext db, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        var (file, parseErrors) = QuestionnaireJson.Read(json);
        if (file is null) return new ImportResult(null, parseErrors);
        var errors = QuestionnaireFileValidator.Validate(file);
        if (errors.Count > 0) return new ImportResult(null, errors);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var questionnaire = QuestionnaireFileMapper.ToQuestionnaire(file, await db.NextVersionAsync(file.Code!, cancellationToken), now);
            if (questionnaire.Status == QuestionnaireStatus.Published)
                QuestionnaireLifecycle.RetireOthers(questionnaire, await db.Questionnaires.Where(q => q.Code == questionnaire.Code).ToListAsync(cancellationToken), now);
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(questionnaire, []);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ImportResult(null, [new FormatError("$.code", "Une autre version de ce questionnaire vient d'être enregistrée en même temps : relancez l'import.")]);
        }
    }
}
