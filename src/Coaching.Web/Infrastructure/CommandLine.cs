using Coaching.Web.Infrastructure.Seeding;
using Microsoft.Extensions.Logging.Console;

namespace Coaching.Web.Infrastructure;

/// <summary>Operations run from the same executable: `dotnet run --project src/Coaching.Web -- migrate`.</summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["migrate"] = async (services, _) =>
        {
            await DatabaseSetup.MigrateAsync(services);
            Console.WriteLine("Base de données à jour.");
            return 0;
        },
        ["seed-demo"] = async (services, _) =>
        {
            await DatabaseSetup.MigrateAsync(services);
            var seeded = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
            Console.WriteLine(seeded ? "Club de démonstration créé." : "La base contient déjà des dossiers : rien n'a été ajouté.");
            return 0;
        },
        ["questionnaire"] = (services, args) => QuestionnaireCommands.RunAsync(services, args, Console.Out, Console.Error),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>Commands print results on standard output (e.g. `questionnaire list`): logs go to standard error, and only warnings.</summary>
    public static void KeepStandardOutputForResults(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (!IsCommand(args)) return false;
        await using var scope = app.Services.CreateAsyncScope();
        Environment.ExitCode = await Commands[args[0]](scope.ServiceProvider, args[1..]);
        return true;
    }
}
