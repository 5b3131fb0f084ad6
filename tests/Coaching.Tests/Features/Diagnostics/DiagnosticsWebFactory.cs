using AngleSharp.Html.Parser;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Web.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Features.Diagnostics;

/// <summary>
/// The real application on a temporary SQLite file, migrated and seeded with the demo club (Development environment).
/// A minimal fixture of this feature, until the shared one of tests/Coaching.Tests/Infrastructure is merged.
/// </summary>
public sealed class DiagnosticsWebFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coaching-diagnostics-" + Guid.NewGuid().ToString("N"));
    private int _nextMerchant;
    private List<Merchant>? _candidates;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Coaching:DataFolder", _folder);
        builder.UseSetting("Coaching:SeedDemoData", "true");
        builder.UseSetting("ConnectionStrings:Coaching", "Data Source=coaching.db;Pooling=False");
    }

    public T Query<T>(Func<CoachingDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    /// <summary>A merchant assigned to the demo advisor A that no other test has used yet.</summary>
    public Merchant TakeMerchantOfAdvisorA()
    {
        var index = Interlocked.Increment(ref _nextMerchant) - 1;
        // Taken once, before any test starts a diagnostic: the demo advisor's merchants with no diagnostic left half-way.
        _candidates ??= Query(db => db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email)
            .Where(m => !db.Assessments.Any(a => a.MerchantId == m.Id && a.Status == Coaching.Core.Diagnostics.Assessments.AssessmentStatus.InProgress))
            .OrderBy(m => m.Id).ToList());
        return _candidates[index];
    }

    public async Task<HttpClient> SignInAsync(DemoAccount account)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = Token(await client.GetStringAsync("/connexion"));
        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email,
            ["Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string Token(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token in the page.");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
