using Coaching.Web.Infrastructure;
using Coaching.Web.Infrastructure.Instances;
using Coaching.Web.Infrastructure.Trust;

var builder = WebApplication.CreateBuilder(args);
if (CommandLine.IsCommand(args))
    CommandLine.KeepStandardOutputForResults(builder.Logging);

builder.Services
    .AddCoachingData(builder.Configuration, builder.Environment)
    .AddCoachingIdentity()
    .AddCoachingCookieSecurity(builder.Configuration, builder.Environment)
    .AddCoachingWeb(builder.Configuration)
    .AddCoachingTrust(builder.Configuration)
    .AddCoachingInstances()
    .AddCoachingProxyHeaders(builder.Configuration);

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
    return;

await app.PrepareDatabaseAsync();
app.UseCoachingPipeline();
app.MapCoachingEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
