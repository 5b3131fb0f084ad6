using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Demo;

/// <summary>
/// Gives the demo merchants being coached one or two completed diagnostics of the published questionnaire (the second
/// more mature than the first, so progress shows) and leaves one diagnostic half-way for the demo advisor to resume.
/// Answers are drawn from a maturity level per merchant; scores are computed by the real scoring and frozen.
/// </summary>
public sealed class DiagnosticsDemoSeeder(CoachingDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(int merchantA, int merchantB, CancellationToken cancellationToken = default)
    {
        if (await db.Assessments.AnyAsync(cancellationToken)) return;
        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent()
            .Where(q => q.Status == QuestionnaireStatus.Published)
            .OrderByDescending(q => q.PublishedAt).FirstOrDefaultAsync(cancellationToken);
        if (questionnaire is null) return;

        var now = clock.GetUtcNow();
        var random = new Random(75);
        var merchants = await db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisorId != null && (m.Status == CaseStatus.Coaching || m.Status == CaseStatus.Finished))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        var demoAdvisor = merchants.FirstOrDefault(m => m.Id == merchantA)?.AssignedAdvisorId;
        var inProgressLeft = true;
        foreach (var merchant in merchants)
        {
            var isDemoAccount = merchant.Id == merchantA || merchant.Id == merchantB;
            var age = (now - merchant.CreatedAt).TotalDays;
            var first = merchant.CreatedAt.AddDays(Math.Min(20, age / 3));
            var maturity = 0.15 + random.NextDouble() * 0.35;

            if (!isDemoAccount && inProgressLeft && merchant.Status == CaseStatus.Coaching && merchant.AssignedAdvisorId == demoAdvisor)
            {
                // The demo advisor's diagnostic left half-way, to be resumed.
                Add(questionnaire, merchant, Answers(questionnaire, maturity, random, fraction: 0.5), now.AddDays(-2), completed: false);
                inProgressLeft = false;
                continue;
            }
            if (!isDemoAccount && random.NextDouble() < 0.2) continue;

            Add(questionnaire, merchant, Answers(questionnaire, maturity, random), first, completed: true);
            if (merchant.Id == merchantA || (age > 180 && random.NextDouble() < 0.65))
            {
                var second = merchant.Id == merchantA ? now.AddDays(-12) : first.AddDays(Math.Min(age - 25, 150 + random.Next(120)));
                Add(questionnaire, merchant, Answers(questionnaire, Math.Min(0.95, maturity + 0.12 + random.NextDouble() * 0.2), random), second, completed: true);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Add(Questionnaire questionnaire, Merchant merchant, Dictionary<string, AnswerValue> answers, DateTimeOffset at, bool completed)
    {
        var advisorId = merchant.AssignedAdvisorId;
        var assessment = new Assessment
        {
            MerchantId = merchant.Id,
            QuestionnaireId = questionnaire.Id,
            Kind = AssessmentKind.AdvisorDiagnostic,
            Status = AssessmentStatus.InProgress,
            StartedAt = at.AddMinutes(-50),
            StartedById = advisorId,
            UpdatedAt = at,
        };
        foreach (var (code, value) in answers)
        {
            var answer = new AssessmentAnswer { QuestionCode = code, AnsweredAt = at, AnsweredById = advisorId };
            answer.SetValue(value);
            assessment.Answers.Add(answer);
        }
        db.CaseEvents.Add(Timeline.Entry(CaseEventKind.DiagnosticStarted, $"Diagnostic conseiller commencé (« {questionnaire.Title} », version {questionnaire.Version}).", advisorId, assessment.StartedAt, merchant.Id));
        if (completed)
            db.CaseEvents.Add(assessment.Complete(MaturityScoring.Score(questionnaire, answers), advisorId, at));
        db.Assessments.Add(assessment);
    }

    /// <summary>Answers of a merchant of the given maturity (0–1): the more mature, the better the options chosen.</summary>
    private static Dictionary<string, AnswerValue> Answers(Questionnaire questionnaire, double maturity, Random random, double fraction = 1)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var questions = questionnaire.AllQuestions.ToList();
        foreach (var question in questions.Take((int)Math.Ceiling(questions.Count * fraction)))
        {
            if (!new QuestionVisibility(questionnaire, answers).IsVisible(question)) continue;
            if (question.AllowsNotApplicable && random.NextDouble() < 0.05)
            {
                answers[question.Code] = AnswerValue.NotApplicableAnswer;
                continue;
            }
            var options = question.Options.Count > 0 ? question.OrderedOptions : QuestionTypes.FixedOptions(question.Type);
            var byScore = options.OrderBy(o => o.Score).ToList();
            var level = Math.Clamp(maturity + (random.NextDouble() - 0.5) * 0.5, 0, 1);
            switch (question.Type)
            {
                case QuestionType.MultipleChoice:
                    answers[question.Code] = new AnswerValue(options.Where(_ => random.NextDouble() < level).Select(o => o.Code).ToList());
                    break;
                case QuestionType.Number when byScore.Count > 0:
                    var reached = byScore[(int)Math.Round(level * (byScore.Count - 1))];
                    answers[question.Code] = AnswerValue.Of((reached.Threshold ?? 0) + random.Next(0, 3));
                    break;
                case QuestionType.FreeText:
                    break;
                default:
                    if (byScore.Count > 0) answers[question.Code] = AnswerValue.Choice(byScore[(int)Math.Round(level * (byScore.Count - 1))].Code);
                    break;
            }
        }
        return answers;
    }
}
