namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>Moves questionnaire versions through draft → published → retired, and derives new drafts.</summary>
public static class QuestionnaireLifecycle
{
    /// <summary>
    /// Publishes a draft. The other published versions of the same code are retired: new assessments use the
    /// newest published version, while assessments already started keep theirs.
    /// </summary>
    public static void Publish(Questionnaire draft, IEnumerable<Questionnaire> sameCode, DateTimeOffset now)
    {
        if (draft.Status != QuestionnaireStatus.Draft)
            throw new PublishedQuestionnaireException($"La version {draft.Version} du questionnaire {draft.Code} n'est pas un brouillon.");
        draft.Status = QuestionnaireStatus.Published;
        draft.PublishedAt = now;
        RetireOthers(draft, sameCode, now);
    }

    public static void RetireOthers(Questionnaire current, IEnumerable<Questionnaire> sameCode, DateTimeOffset now)
    {
        foreach (var other in sameCode.Where(q => q.Id != current.Id && q.Code == current.Code && q.Status == QuestionnaireStatus.Published))
        {
            other.Status = QuestionnaireStatus.Retired;
            other.RetiredAt = now;
        }
    }

    public static void Retire(Questionnaire questionnaire, DateTimeOffset now)
    {
        if (questionnaire.Status != QuestionnaireStatus.Published) return;
        questionnaire.Status = QuestionnaireStatus.Retired;
        questionnaire.RetiredAt = now;
    }

    /// <summary>A new draft with the same content as <paramref name="source"/> (loaded with its axes, questions, options, levels and rules).</summary>
    public static Questionnaire Derive(Questionnaire source, int newVersion, DateTimeOffset now)
    {
        var copy = new Questionnaire
        {
            Code = source.Code,
            Version = newVersion,
            Title = source.Title,
            Description = source.Description,
            Status = QuestionnaireStatus.Draft,
            CreatedAt = now,
            DerivedFromId = source.Id,
        };
        foreach (var axis in source.OrderedAxes)
        {
            copy.Axes.Add(new QuestionnaireAxis
            {
                Position = axis.Position,
                Code = axis.Code,
                Title = axis.Title,
                Description = axis.Description,
                Weight = axis.Weight,
                Questions = axis.OrderedQuestions.Select(q => new Question
                {
                    Questionnaire = copy,
                    Position = q.Position,
                    Code = q.Code,
                    Text = q.Text,
                    Help = q.Help,
                    Type = q.Type,
                    Weight = q.Weight,
                    AllowsNotApplicable = q.AllowsNotApplicable,
                    Unit = q.Unit,
                    ConditionQuestionCode = q.ConditionQuestionCode,
                    ConditionOptionCode = q.ConditionOptionCode,
                    Options = q.OrderedOptions.Select(o => new QuestionOption
                    {
                        Position = o.Position, Code = o.Code, Label = o.Label, Score = o.Score, Threshold = o.Threshold,
                    }).ToList(),
                }).ToList(),
            });
        }
        copy.Levels.AddRange(source.Levels.Select(l => new MaturityLevel
        {
            Name = l.Name, Description = l.Description, MinScore = l.MinScore, MaxScore = l.MaxScore,
        }));
        copy.Rules.AddRange(source.Rules.Select(r => new RecommendationRule
        {
            Position = r.Position, Trigger = r.Trigger, AxisCode = r.AxisCode, Threshold = r.Threshold,
            QuestionCode = r.QuestionCode, OptionCode = r.OptionCode, ActionCode = r.ActionCode, Priority = r.Priority,
        }));
        return copy;
    }
}
