using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;
using Coaching.Core.Time;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>One posted answer and the version of the stored answer the page was showing (null: none was shown).</summary>
public sealed record AnswerPost(AnswerInput Input, string? ExpectedVersion);

/// <summary>What happened to one posted answer: saved (with its new version), refused, or in conflict with a newer one.</summary>
public sealed record AnswerOutcome(string QuestionCode, string? Version, string? Error, bool Conflict)
{
    public bool Succeeded => Error is null;
}

public sealed record SaveResult(string? BlockingMessage, IReadOnlyList<AnswerOutcome> Outcomes)
{
    public bool Succeeded => BlockingMessage is null && Outcomes.All(o => o.Succeeded);
}

public sealed record CompleteResult(string? BlockingMessage, IReadOnlyList<Question> Missing)
{
    public bool Succeeded => BlockingMessage is null && Missing.Count == 0;
}

/// <summary>
/// Starts assessments, saves answers as they are given, and completes them. Answers carry their own version so that a
/// stale page never overwrites a newer answer silently; every save also touches the assessment's version, so that an
/// answer cannot slip in after completion.
/// </summary>
public sealed class AssessmentWorkflow(CoachingDbContext db, TimeProvider clock, ILogger<AssessmentWorkflow> logger)
{
    private const int Attempts = 4;

    public async Task<Assessment> StartAsync(Merchant merchant, Questionnaire questionnaire, AssessmentKind kind, string userId, Assessment? basedOn = null)
    {
        var now = clock.GetUtcNow();
        var assessment = new Assessment
        {
            MerchantId = merchant.Id,
            QuestionnaireId = questionnaire.Id,
            Kind = kind,
            Status = AssessmentStatus.InProgress,
            StartedAt = now,
            StartedById = userId,
            UpdatedAt = now,
            BasedOnAssessmentId = basedOn?.Id,
        };
        if (basedOn is not null)
        {
            var codes = questionnaire.AllQuestions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var answer in basedOn.Answers.Where(a => codes.Contains(a.QuestionCode)))
            {
                assessment.Answers.Add(new AssessmentAnswer
                {
                    QuestionCode = answer.QuestionCode, OptionCodes = answer.OptionCodes, Number = answer.Number, Text = answer.Text,
                    NotApplicable = answer.NotApplicable, Comment = answer.Comment, AnsweredAt = now, AnsweredById = userId,
                });
            }
        }
        db.Assessments.Add(assessment);
        db.CaseEvents.Add(Timeline.Entry(CaseEventKind.DiagnosticStarted, $"{kind.Label()} commencé (« {questionnaire.Title} », version {questionnaire.Version})" +
                (basedOn is null ? "." : $", à partir de l'auto-évaluation du {basedOn.CompletedAt?.ToParis():dd/MM/yyyy}."), userId, now, merchant.Id));
        await db.SaveChangesAsync();
        return assessment;
    }

    public async Task<SaveResult> SaveAnswersAsync(int assessmentId, Questionnaire questionnaire, IReadOnlyList<AnswerPost> posts, string userId)
    {
        var questions = questionnaire.AllQuestions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var assessment = await db.Assessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == assessmentId);
            if (assessment is null) return new SaveResult("Ce diagnostic n'existe plus.", []);
            if (assessment.IsCompleted) return new SaveResult(await CompletedMessageAsync(assessment), []);

            var now = clock.GetUtcNow();
            var outcomes = new List<(AnswerOutcome Outcome, AssessmentAnswer? Row)>();
            foreach (var post in posts)
                outcomes.Add(Apply(assessment, questionnaire, questions, post, userId, now));
            if (!db.ChangeTracker.HasChanges())
                return new SaveResult(null, outcomes.Select(o => o.Outcome).ToList());

            assessment.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync();
                return new SaveResult(null, outcomes.Select(o => o.Row is null ? o.Outcome : o.Outcome with { Version = db.VersionOf(o.Row) }).ToList());
            }
            catch (DbUpdateException error)
            {
                // Someone saved or completed in between (or SQLite was busy): read again and re-apply.
                logger.LogInformation(error, "Answer save for assessment {AssessmentId} retried (attempt {Attempt})", assessmentId, attempt);
            }
        }
        return new SaveResult("Le diagnostic est modifié au même moment depuis un autre appareil : vos réponses n'ont pas été enregistrées, réessayez.", []);
    }

    private (AnswerOutcome, AssessmentAnswer?) Apply(Assessment assessment, Questionnaire questionnaire,
        Dictionary<string, Question> questions, AnswerPost post, string userId, DateTimeOffset now)
    {
        var code = post.Input.QuestionCode ?? "";
        if (!questions.TryGetValue(code, out var question))
            return (new AnswerOutcome(code, null, $"La question « {code} » ne fait pas partie de la version {questionnaire.Version} du questionnaire utilisée par ce diagnostic : réponse refusée.", false), null);

        var (value, error) = AnswerParser.Parse(question, post.Input);
        if (value is null) return (new AnswerOutcome(code, null, error, false), null);

        var comment = string.IsNullOrWhiteSpace(post.Input.Comment) ? null : post.Input.Comment.Trim();
        var stored = assessment.Answers.FirstOrDefault(a => a.QuestionCode == code);
        if (stored is null && value.IsEmpty && comment is null)
            return (new AnswerOutcome(code, null, null, false), null);
        if (stored is not null && stored.HasSameValue(value) && stored.Comment == comment)
            return (new AnswerOutcome(code, db.VersionOf(stored), null, false), null);
        if (stored is not null && !db.IsVersion(stored, post.ExpectedVersion))
        {
            return (new AnswerOutcome(code, db.VersionOf(stored),
                $"Cette réponse a été modifiée entre-temps (le {stored.AnsweredAt.ToParis():dd/MM/yyyy à HH:mm}) : la réponse enregistrée, « {AnswerDescriptions.Describe(question, stored.ToValue())} », est conservée. " +
                $"Votre saisie, « {AnswerDescriptions.Describe(question, value)} », n'a pas été enregistrée : choisissez à nouveau si besoin.", true), null);
        }

        if (stored is null)
        {
            stored = new AssessmentAnswer { QuestionCode = code };
            assessment.Answers.Add(stored);
        }
        stored.SetValue(value);
        stored.Comment = comment;
        stored.AnsweredAt = now;
        stored.AnsweredById = userId;
        return (new AnswerOutcome(code, null, null, false), stored);
    }

    public async Task<CompleteResult> CompleteAsync(int assessmentId, Questionnaire questionnaire, string userId)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var assessment = await db.Assessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == assessmentId);
            if (assessment is null) return new CompleteResult("Ce diagnostic n'existe plus.", []);
            if (assessment.IsCompleted) return new CompleteResult(await CompletedMessageAsync(assessment), []);

            var answers = AnswersOf(assessment);
            var missing = AnswerParser.Missing(questionnaire, answers);
            if (missing.Count > 0) return new CompleteResult(null, missing);

            var score = MaturityScoring.Score(questionnaire, answers);
            db.CaseEvents.Add(assessment.Complete(score, userId, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync();
                return new CompleteResult(null, []);
            }
            catch (DbUpdateException error)
            {
                logger.LogInformation(error, "Completion of assessment {AssessmentId} retried (attempt {Attempt})", assessmentId, attempt);
            }
        }
        return new CompleteResult("Le diagnostic est modifié au même moment depuis un autre appareil : réessayez dans un instant.", []);
    }

    public static Dictionary<string, AnswerValue> AnswersOf(Assessment assessment) =>
        assessment.Answers.ToDictionary(a => a.QuestionCode, a => a.ToValue(), StringComparer.Ordinal);

    private async Task<string> CompletedMessageAsync(Assessment assessment)
    {
        var by = assessment.CompletedById is null ? null
            : await db.Users.Where(u => u.Id == assessment.CompletedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return $"Ce diagnostic a été terminé le {assessment.CompletedAt?.ToParis():dd/MM/yyyy à HH:mm}{(by is null ? "" : " par " + by)} : " +
            "ses réponses et ses scores sont figés, votre saisie n'a pas été enregistrée.";
    }
}
