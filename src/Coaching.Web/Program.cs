using Coaching.Web.Commands;
using Coaching.Web.Features;
using Coaching.Web.Demo;
using Coaching.Web.Email;
using Coaching.Web.Hosting;
using Coaching.Web.Jobs;

if (CommandLine.IsUnknownCommand(args))
{
    CommandLine.PrintUsage(args[0]);
    return 2;
}

var builder = WebApplication.CreateBuilder(args);
if (CommandLine.IsCommand(args))
    CommandLine.KeepStandardOutputForResults(builder.Logging);

builder.Services
    .AddCoachingHosting(builder.Configuration, builder.Environment)
    .AddCoachingEmail(builder.Configuration)
    .AddCoachingFeatures(builder.Configuration)
    .AddCoachingJobs()
    .AddCoachingDemo();

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
    return Environment.ExitCode;

// Migrations, first-run rows and the demo club under one lock across instances starting together.
await app.PrepareDatabaseAsync(services => DemoServices.SeedDemoIfAskedAsync(services, app.Environment));
app.UseCoachingPipeline();
app.MapCoachingEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
