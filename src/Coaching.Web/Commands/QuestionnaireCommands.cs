using System.Globalization;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Format;
using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;
using Coaching.Web.French;

namespace Coaching.Web.Commands;

/// <summary>`questionnaire list | export --code CODE [--version N] --out FILE | import FILE`.</summary>
public static class QuestionnaireCommands
{
    public const string Usage =
        "Usage :\n" +
        "  questionnaire list\n" +
        "  questionnaire export --code CODE [--version N] --out FICHIER\n" +
        "  questionnaire import FICHIER";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        await DatabaseSetup.MigrateAsync(services);
        var db = services.GetRequiredService<CoachingDbContext>();
        switch (args.FirstOrDefault())
        {
            case "list":
                return await ListAsync(db, output);
            case "export":
                return await ExportAsync(db, args[1..], output, errors);
            case "import" when args.Length == 2:
                return await ImportAsync(services.GetRequiredService<QuestionnaireImporter>(), args[1], output, errors);
            default:
                await errors.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ListAsync(CoachingDbContext db, TextWriter output)
    {
        var versions = await db.Questionnaires.AsNoTracking().OrderBy(q => q.Code).ThenBy(q => q.Version).ToListAsync();
        foreach (var q in versions)
            await output.WriteLineAsync(string.Join('\t', q.Code, q.Version.ToString(CultureInfo.InvariantCulture), q.Status.Code(), q.Title));
        return 0;
    }

    private static async Task<int> ExportAsync(CoachingDbContext db, string[] args, TextWriter output, TextWriter errors)
    {
        var options = ParseOptions(args);
        if (options is null || !options.TryGetValue("--code", out var code) || !options.TryGetValue("--out", out var path))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        int? version = null;
        if (options.TryGetValue("--version", out var text))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                await errors.WriteLineAsync($"--version attend un nombre entier, pas « {text} ».");
                return 2;
            }
            version = number;
        }

        var candidates = db.Questionnaires.AsNoTracking().WithContent().Where(q => q.Code == code);
        var questionnaire = version is { } v
            ? await candidates.FirstOrDefaultAsync(q => q.Version == v)
            // Without --version: the published version, or else the newest one.
            : await candidates.OrderByDescending(q => q.Status == QuestionnaireStatus.Published).ThenByDescending(q => q.Version).FirstOrDefaultAsync();
        if (questionnaire is null)
        {
            await errors.WriteLineAsync(version is null
                ? $"Aucun questionnaire de code « {code} »."
                : $"Le questionnaire « {code} » n'a pas de version {version}.");
            return 1;
        }
        try
        {
            await File.WriteAllTextAsync(path, QuestionnaireJson.Write(QuestionnaireFileMapper.ToFile(questionnaire)));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Impossible d'écrire « {path} » : {error.Message}");
            return 1;
        }
        await output.WriteLineAsync($"Version {questionnaire.Version} du questionnaire {questionnaire.Code} exportée dans {path}.");
        return 0;
    }

    private static async Task<int> ImportAsync(QuestionnaireImporter importer, string path, TextWriter output, TextWriter errors)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Impossible de lire « {path} » : {error.Message}");
            return 1;
        }
        var result = await importer.ImportAsync(json);
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync($"Fichier refusé, rien n'a été importé ({result.Errors.Count} erreur{(result.Errors.Count > 1 ? "s" : "")}) :");
            foreach (var error in result.Errors)
                await errors.WriteLineAsync($"{error.Path}\t{error.Message}");
            return 1;
        }
        var q = result.Questionnaire!;
        await output.WriteLineAsync($"Version {q.Version} du questionnaire {q.Code} importée ({q.Status.Label().ToLower(FrenchCulture.Info)}).");
        return 0;
    }

    /// <summary>Reads `--name value` pairs; null when an option has no value or an argument is not an option.</summary>
    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            options[args[i]] = args[i + 1];
        }
        return options;
    }
}
