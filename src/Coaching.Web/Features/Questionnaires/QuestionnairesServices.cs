using Coaching.Core.Diagnostics.Format;

namespace Coaching.Web.Features.Questionnaires;

public static class QuestionnairesServices
{
    public static IServiceCollection AddQuestionnaires(this IServiceCollection services) =>
        services.AddScoped<QuestionnaireImporter>();
}
