using System.Text.Json.Nodes;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Format;

namespace Coaching.Tests.Core.Diagnostics;

public sealed class QuestionnaireFileValidatorTests
{
    /// <summary>The default questionnaire, as a mutable JSON tree, to break one thing at a time.</summary>
    private static JsonObject Default() => JsonNode.Parse(DefaultQuestionnaire.Json())!.AsObject();

    private static IReadOnlyList<FormatError> Errors(JsonNode file)
    {
        var (parsed, errors) = QuestionnaireJson.Read(file.ToJsonString());
        return parsed is null ? errors : QuestionnaireFileValidator.Validate(parsed);
    }

    private static JsonObject Question(JsonObject file, int axis, int question) =>
        file["axes"]![axis]!["questions"]![question]!.AsObject();

    [Fact]
    public void The_default_questionnaire_is_valid_and_has_8_axes_and_35_to_50_questions()
    {
        var file = Default();
        Assert.Empty(Errors(file));
        var axes = file["axes"]!.AsArray();
        Assert.Equal(8, axes.Count);
        Assert.InRange(axes.Sum(a => a!["questions"]!.AsArray().Count), 35, 50);
    }

    [Fact]
    public void The_EDIH_sample_is_valid()
    {
        var (file, errors) = QuestionnaireJson.Read(File.ReadAllText(SampleFiles.Edih));
        Assert.Empty(errors);
        Assert.Empty(QuestionnaireFileValidator.Validate(file!));
    }

    [Fact]
    public void Unknown_question_type_is_reported_with_its_path()
    {
        var file = Default();
        Question(file, 1, 2)["type"] = "slider";
        var error = Assert.Single(Errors(file));
        Assert.Equal("$.axes[1].questions[2].type", error.Path);
        Assert.Contains("Type de question inconnu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_listed_not_only_the_first()
    {
        var file = Default();
        Question(file, 0, 0)["type"] = "slider";
        file["axes"]![2]!["code"] = "VISIBILITE";
        file["title"] = "";
        var paths = Errors(file).Select(e => e.Path).ToList();
        Assert.Contains("$.axes[0].questions[0].type", paths);
        Assert.Contains("$.axes[2].code", paths);
        Assert.Contains("$.title", paths);
    }

    [Fact]
    public void Duplicate_question_codes_across_axes_are_refused()
    {
        var file = Default();
        Question(file, 3, 0)["code"] = "website";
        var error = Assert.Single(Errors(file));
        Assert.Equal("$.axes[3].questions[0].code", error.Path);
        Assert.Contains("$.axes[0].questions[2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_option_codes_are_refused()
    {
        var file = Default();
        Question(file, 1, 4)["options"]![2]!["code"] = "paper";
        Assert.Equal("$.axes[1].questions[4].options[2].code", Assert.Single(Errors(file)).Path);
    }

    [Fact]
    public void A_condition_on_an_unknown_question_or_option_is_refused()
    {
        var file = Default();
        Question(file, 0, 1)["condition"] = new JsonObject { ["question"] = "nothing", ["option"] = "x" };
        Question(file, 6, 1)["condition"] = new JsonObject { ["question"] = "till", ["option"] = "tablet" };
        var errors = Errors(file);
        Assert.Contains(errors, e => e.Path == "$.axes[0].questions[1].condition.question");
        Assert.Contains(errors, e => e.Path == "$.axes[6].questions[1].condition.option" && e.Message.Contains("tablet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_must_point_at_an_earlier_question()
    {
        var file = Default();
        Question(file, 0, 0)["condition"] = new JsonObject { ["question"] = "website", ["option"] = "none" };
        Assert.Equal("$.axes[0].questions[0].condition.question", Assert.Single(Errors(file)).Path);
    }

    [Fact]
    public void Overlapping_levels_are_refused()
    {
        var file = Default();
        file["levels"]![1]!["min"] = 20;
        var error = Assert.Single(Errors(file));
        Assert.Equal("$.levels[1].min", error.Path);
        Assert.Contains("chevauche", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_must_cover_0_to_100_without_gap()
    {
        var file = Default();
        file["levels"]![0]!["min"] = 5;
        file["levels"]![2]!["min"] = 60;
        file["levels"]![3]!["max"] = 99;
        var paths = Errors(file).Select(e => e.Path).ToList();
        Assert.Equal(["$.levels[0].min", "$.levels[3].max", "$.levels[2].min"], paths);
    }

    [Fact]
    public void Rules_must_refer_to_known_axes_questions_options_and_actions()
    {
        var file = Default();
        var rules = file["rules"]!.AsArray();
        rules[0]!["option"] = "maybe";
        rules[2]!["axis"] = "NOWHERE";
        rules[3]!["question"] = "unknown_question";
        rules[4]!["action"] = "BUY_A_YACHT";
        rules[5]!["when"] = "sometimes";
        var paths = Errors(file).Select(e => e.Path).ToList();
        Assert.Contains("$.rules[0].option", paths);
        Assert.Contains("$.rules[2].axis", paths);
        Assert.Contains("$.rules[3].question", paths);
        Assert.Contains("$.rules[4].action", paths);
        Assert.Contains("$.rules[5].when", paths);
    }

    [Fact]
    public void Fixed_option_types_must_not_list_options()
    {
        var file = Default();
        Question(file, 0, 3)["options"] = new JsonArray(new JsonObject { ["code"] = "a", ["label"] = "A", ["score"] = 1 });
        Assert.Equal("$.axes[0].questions[3].options", Assert.Single(Errors(file)).Path);
    }

    [Fact]
    public void Number_thresholds_need_a_min()
    {
        var file = Default();
        Question(file, 0, 5)["options"]![2]!.AsObject().Remove("min");
        Assert.Equal("$.axes[0].questions[5].options[2].min", Assert.Single(Errors(file)).Path);
    }

    [Fact]
    public void An_unknown_property_is_refused_with_its_path()
    {
        var file = Default();
        Question(file, 0, 0)["colour"] = "blue";
        var error = Assert.Single(Errors(file));
        Assert.StartsWith("$.axes[0].questions[0]", error.Path, StringComparison.Ordinal);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_its_path()
    {
        var file = Default();
        Question(file, 0, 0)["weight"] = "heavy";
        Assert.Equal("$.axes[0].questions[0].weight", Assert.Single(Errors(file)).Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    public void Broken_files_give_a_French_error(string json)
    {
        var (file, errors) = QuestionnaireJson.Read(json);
        Assert.Null(file);
        Assert.NotEmpty(Assert.Single(errors).Message);
    }

    [Fact]
    public void Export_then_read_gives_the_same_file()
    {
        var (file, _) = QuestionnaireJson.Read(DefaultQuestionnaire.Json());
        var questionnaire = QuestionnaireFileMapper.ToQuestionnaire(file!, 1, DateTimeOffset.UnixEpoch);
        var exported = QuestionnaireJson.Write(QuestionnaireFileMapper.ToFile(questionnaire));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DefaultQuestionnaire.Json()), JsonNode.Parse(exported)),
            "The exported file differs from the embedded one.");
    }
}
