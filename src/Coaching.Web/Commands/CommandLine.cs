using Microsoft.EntityFrameworkCore;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Coaching.Web.Commands;

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
        ["generate"] = async (services, args) =>
        {
            if (args.Length != 2 || args[0] != "--merchants" || !int.TryParse(args[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count is < 1 or > 2_000_000)
            {
                await Console.Error.WriteLineAsync("Usage : generate --merchants N (N entre 1 et 2 000 000).");
                return 2;
            }
            if (!services.GetRequiredService<Coaching.Core.Data.CoachingDbContext>().Database.IsSqlite())
            {
                await Console.Error.WriteLineAsync("generate écrit dans une base SQLite (Database:Provider=Sqlite) ; pour PostgreSQL, générez en SQLite puis lancez copy-database. " +
                    "/ generate writes to a SQLite database only: generate on SQLite, then run copy-database.");
                return 1;
            }
            await DatabaseSetup.MigrateAsync(services);
            var result = await services.GetRequiredService<SyntheticClubGenerator>().GenerateAsync(count);
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{result.Merchants} commerçants, {result.Advisors} conseillers, {result.Assessments} diagnostics, {result.Sessions} séances, {result.Actions} actions générés en {result.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        },
        ["backup"] = (services, args) => DatabaseBackup.RunAsync(services, args, Console.Out, Console.Error),
        ["copy-database"] = (services, args) => DatabaseCopyCommand.RunAsync(services, args, Console.Out, Console.Error),
        ["rebuild-report-facts"] = async (services, _) =>
        {
            await DatabaseSetup.MigrateAsync(services);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var db = services.GetRequiredService<Coaching.Core.Data.CoachingDbContext>();
            await Coaching.Core.Reports.ReportFactsSync.RebuildAsync(db);
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Données des rapports reconstruites en {watch.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        },
        ["questionnaire"] = (services, args) => QuestionnaireCommands.RunAsync(services, args, Console.Out, Console.Error),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>
    /// A first argument that is neither a command nor a host setting (`--urls …`, `key=value`) is a typo such as
    /// `questionaire list`: starting the web server instead would look like the command hung.
    /// </summary>
    public static bool IsUnknownCommand(string[] args) =>
        args.Length > 0 && !IsCommand(args) && !args[0].StartsWith('-') && !args[0].StartsWith('/') && !args[0].Contains('=');

    public static void PrintUsage(string unknown)
    {
        Console.Error.WriteLine($"Commande inconnue : « {unknown} ». / Unknown command: '{unknown}'.");
        Console.Error.WriteLine("Commandes / commands: " + string.Join(", ", Commands.Keys.Order(StringComparer.Ordinal)));
        Console.Error.WriteLine("Sans commande, l’application web démarre. / Without a command, the web app starts.");
    }

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
