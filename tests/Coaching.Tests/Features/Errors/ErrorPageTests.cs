using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Errors;

/// <summary>
/// An unhandled exception in Production: the user gets the French error page with a reference, the log entry of the
/// exception carries the same reference, and nothing of the exception reaches the browser.
/// </summary>
public sealed class ErrorPageTests : IAsyncLifetime
{
    private const string Secret = "Détail interne 7f3a : ne jamais montrer";
    private readonly ProductionApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_crash_shows_a_French_page_with_the_reference_that_the_logged_exception_carries()
    {
        var client = _app.CreateBrowserClient();

        var page = await HtmlPage.ParseAsync(await client.GetAsync(FailingRequest.Path));

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Une erreur est survenue", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Rien de ce qui était déjà enregistré n'est perdu", page.Text);
        var reference = page.Document.QuerySelector("main code, code")?.TextContent ?? "";
        Assert.Matches("^[0-9a-f]{32}$", reference);

        var logged = Assert.Single(_app.Logs.Entries, e => e.Exception?.Message == Secret);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal(reference, logged.Scope.GetValueOrDefault("TraceId"));
        Assert.Equal(FailingRequest.Path, logged.Scope.GetValueOrDefault("RequestPath"));

        foreach (var leak in new[] { Secret, nameof(InvalidOperationException), "Exception", " at ", ".cs:line", "FailingRequest", "Microsoft.AspNetCore" })
            Assert.DoesNotContain(leak, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_crashes_get_two_references()
    {
        var client = _app.CreateBrowserClient();

        var first = await HtmlPage.ParseAsync(await client.GetAsync(FailingRequest.Path));
        var second = await HtmlPage.ParseAsync(await client.GetAsync(FailingRequest.Path));

        Assert.NotEqual(first.Document.QuerySelector("code")?.TextContent, second.Document.QuerySelector("code")?.TextContent);
    }

    [Fact]
    public async Task A_missing_page_shows_its_reference_too()
    {
        var page = await HtmlPage.ParseAsync(await _app.CreateBrowserClient().GetAsync("/cette-page-n-existe-pas"));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page introuvable", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Matches("^[0-9a-f]{32}$", page.Document.QuerySelector("code")?.TextContent ?? "");
    }

    [Fact]
    public void Console_logs_are_JSON_lines_with_their_scopes()
    {
        var console = _app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = _app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
    }

    /// <summary>The app in Production, with one test-only path that throws (added here, never in the product).</summary>
    private sealed class ProductionApp : CoachingAppFactory
    {
        public ProductionApp() => ConfigureServices = services => services.AddSingleton<IStartupFilter, FailingRequest>();

        public ScopedLog Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    /// <summary>Appended after the app's own pipeline, so that the app's exception handler is around it.</summary>
    private sealed class FailingRequest : IStartupFilter
    {
        public const string Path = "/essai-panne";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, failing => failing.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
