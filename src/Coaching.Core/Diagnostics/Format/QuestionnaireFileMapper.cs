using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Format;

/// <summary>Turns a validated file into a questionnaire version and back.</summary>
public static class QuestionnaireFileMapper
{
    /// <summary>Builds a new, unsaved version; call only on a file that <see cref="QuestionnaireFileValidator"/> accepted.</summary>
    public static Questionnaire ToQuestionnaire(QuestionnaireFile file, int version, DateTimeOffset now)
    {
        var published = file.Status == "published";
        var questionnaire = new Questionnaire
        {
            Code = file.Code!,
            Version = version,
            Title = file.Title!.Trim(),
            Description = Clean(file.Description),
            Status = published ? QuestionnaireStatus.Published : QuestionnaireStatus.Draft,
            CreatedAt = now,
            PublishedAt = published ? now : null,
        };
        foreach (var (axisFile, a) in file.Axes!.Select((x, i) => (x, i)))
        {
            var axis = new QuestionnaireAxis
            {
                Position = a,
                Code = axisFile.Code!,
                Title = axisFile.Title!.Trim(),
                Description = Clean(axisFile.Description),
                Weight = axisFile.Weight ?? 1,
            };
            foreach (var (questionFile, q) in axisFile.Questions!.Select((x, i) => (x, i)))
                axis.Questions.Add(ToQuestion(questionFile, q, questionnaire));
            questionnaire.Axes.Add(axis);
        }
        questionnaire.Levels.AddRange(file.Levels!.Select(l => new MaturityLevel
        {
            Name = l.Name!.Trim(),
            Description = Clean(l.Description),
            MinScore = l.Min!.Value,
            MaxScore = l.Max!.Value,
        }));
        questionnaire.Rules.AddRange((file.Rules ?? []).Select((r, i) => new RecommendationRule
        {
            Position = i,
            Trigger = r.When == QuestionnaireFileValidator.AxisBelow ? RecommendationTrigger.AxisBelow : RecommendationTrigger.QuestionAnswered,
            AxisCode = r.Axis,
            Threshold = r.Below,
            QuestionCode = r.Question,
            OptionCode = r.Option,
            ActionCode = r.Action!,
            Priority = r.Priority ?? 2,
        }));
        return questionnaire;
    }

    private static Question ToQuestion(QuestionFile file, int position, Questionnaire questionnaire)
    {
        QuestionTypes.TryParse(file.Type, out var type);
        var options = type.HasListedOptions()
            ? file.Options!.Select((o, i) => new QuestionOption
            {
                Position = i,
                Code = o.Code!,
                Label = o.Label!.Trim(),
                Score = o.Score!.Value,
                Threshold = o.Min,
            })
            : QuestionTypes.FixedOptions(type);
        return new Question
        {
            Questionnaire = questionnaire,
            Position = position,
            Code = file.Code!,
            Text = file.Text!.Trim(),
            Help = Clean(file.Help),
            Type = type,
            Weight = file.Weight ?? 1,
            AllowsNotApplicable = file.AllowsNotApplicable ?? false,
            Unit = Clean(file.Unit),
            ConditionQuestionCode = file.Condition?.Question,
            ConditionOptionCode = file.Condition?.Option,
            Options = options.ToList(),
        };
    }

    public static QuestionnaireFile ToFile(Questionnaire questionnaire) => new()
    {
        Format = QuestionnaireFile.CurrentFormat,
        Code = questionnaire.Code,
        Version = questionnaire.Version,
        // A retired version is exported as published: re-importing it offers it again as a new version.
        Status = questionnaire.Status == QuestionnaireStatus.Draft ? "draft" : "published",
        Title = questionnaire.Title,
        Description = questionnaire.Description,
        Axes = questionnaire.OrderedAxes.Select(a => new AxisFile
        {
            Code = a.Code,
            Title = a.Title,
            Description = a.Description,
            Weight = DefaultIsOmitted(a.Weight),
            Questions = a.OrderedQuestions.Select(q => new QuestionFile
            {
                Code = q.Code,
                Text = q.Text,
                Help = q.Help,
                Type = q.Type.Code(),
                Weight = DefaultIsOmitted(q.Weight),
                AllowsNotApplicable = q.AllowsNotApplicable ? true : null,
                Unit = q.Unit,
                Condition = q.HasCondition ? new ConditionFile { Question = q.ConditionQuestionCode, Option = q.ConditionOptionCode } : null,
                Options = q.Type.HasListedOptions()
                    ? q.OrderedOptions.Select(o => new OptionFile { Code = o.Code, Label = o.Label, Score = o.Score, Min = o.Threshold }).ToList()
                    : null,
            }).ToList(),
        }).ToList(),
        Levels = questionnaire.Levels.OrderBy(l => l.MinScore)
            .Select(l => new LevelFile { Name = l.Name, Description = l.Description, Min = l.MinScore, Max = l.MaxScore }).ToList(),
        Rules = questionnaire.Rules.OrderBy(r => r.Position).Select(r => new RuleFile
        {
            When = r.Trigger == RecommendationTrigger.AxisBelow ? QuestionnaireFileValidator.AxisBelow : QuestionnaireFileValidator.Answered,
            Axis = r.AxisCode,
            Below = r.Threshold,
            Question = r.QuestionCode,
            Option = r.OptionCode,
            Action = r.ActionCode,
            Priority = r.Priority,
        }).ToList(),
    };

    /// <summary>A weight of 1, the default, is left out of exported files.</summary>
    private static double? DefaultIsOmitted(double weight) => weight == 1 ? null : weight;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
