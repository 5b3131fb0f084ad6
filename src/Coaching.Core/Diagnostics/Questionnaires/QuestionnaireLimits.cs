namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>Lengths shared by the database columns, the JSON validator and the edit forms.</summary>
public static class QuestionnaireLimits
{
    public const int CodeLength = 40;
    public const int NameLength = 100;
    public const int UnitLength = 30;
    public const int TitleLength = 200;
    public const int TextLength = 1000;
    public const int DescriptionLength = 2000;
    public const int MaxAxes = 12;
    public const int MaxQuestionsPerAxis = 40;
    public const int MaxOptions = 20;
}
