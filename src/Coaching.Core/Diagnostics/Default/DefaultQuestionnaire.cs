using System.Reflection;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Format;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Diagnostics.Default;

/// <summary>The French questionnaire for local retail shipped with the application (an embedded JSON file).</summary>
public static class DefaultQuestionnaire
{
    public const string Code = "COMMERCE_LOCAL";
    private const string ResourceName = "commerce-local.json";

    public static string Json()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + ResourceName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Imports the default questionnaire, published, when the database holds no questionnaire at all.</summary>
    public static async Task<bool> SeedIfNoneAsync(CoachingDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Questionnaires.AnyAsync(cancellationToken)) return false;
        var result = await new QuestionnaireImporter(db, clock).ImportAsync(Json(), cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException("The embedded default questionnaire is invalid: " + string.Join("; ", result.Errors));
        return true;
    }
}
