namespace Coaching.Core.Diagnostics.Assessments;

public static class AnswerLimits
{
    public const int TextLength = 2000;
    public const int CommentLength = 2000;
    public const double MaxNumber = 1_000_000_000;
}
