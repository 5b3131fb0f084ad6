using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Format;
using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Core.Diagnostics;

public sealed class PublishedQuestionnaireGuardTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PublishedQuestionnaireGuardTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    private CoachingDbContext NewContext() => new(new DbContextOptionsBuilder<CoachingDbContext>().UseSqlite(_connection).Options);

    private async Task<int> ImportDefaultAsync()
    {
        await using var db = NewContext();
        var result = await new QuestionnaireImporter(db, TimeProvider.System).ImportAsync(DefaultQuestionnaire.Json());
        Assert.True(result.Succeeded);
        return result.Questionnaire!.Id;
    }

    [Fact]
    public async Task The_content_of_a_published_version_cannot_be_changed()
    {
        var id = await ImportDefaultAsync();
        await using var db = NewContext();
        var question = await db.Questions.FirstAsync(q => q.QuestionnaireId == id);
        question.Text = "Autre texte";
        await Assert.ThrowsAsync<PublishedQuestionnaireException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        var option = await db.QuestionOptions.FirstAsync();
        option.Score = 99;
        await Assert.ThrowsAsync<PublishedQuestionnaireException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        var questionnaire = await db.Questionnaires.FirstAsync(q => q.Id == id);
        questionnaire.Title = "Autre titre";
        Assert.Throws<PublishedQuestionnaireException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task A_published_version_may_be_retired_and_a_draft_edited()
    {
        var id = await ImportDefaultAsync();
        await using var db = NewContext();
        var published = await db.Questionnaires.WithContent().FirstAsync(q => q.Id == id);
        QuestionnaireLifecycle.Retire(published, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();

        var draft = QuestionnaireLifecycle.Derive(published, await db.NextVersionAsync(published.Code), DateTimeOffset.UtcNow);
        db.Questionnaires.Add(draft);
        await db.SaveChangesAsync();
        draft.OrderedAxes[0].OrderedQuestions[0].Text = "Texte revu";
        await db.SaveChangesAsync();

        Assert.Equal(2, draft.Version);
        Assert.Equal(published.AllQuestions.Count(), draft.AllQuestions.Count());
    }

    [Fact]
    public async Task A_wrong_file_changes_nothing()
    {
        await using var db = NewContext();
        var result = await new QuestionnaireImporter(db, TimeProvider.System).ImportAsync(DefaultQuestionnaire.Json().Replace("\"max\": 100", "\"max\": 90", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
        Assert.Equal("$.levels[3].max", Assert.Single(result.Errors).Path);
        Assert.Equal(0, await db.Questionnaires.CountAsync());
    }

    public void Dispose() => _connection.Dispose();
}
