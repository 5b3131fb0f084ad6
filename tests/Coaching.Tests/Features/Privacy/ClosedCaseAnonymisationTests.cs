using Coaching.Core.Time;
using System.Net;
using System.Text.Json;
using Coaching.Core.Audit;
using Coaching.Core.Merchants;
using Coaching.Core.Privacy;
using Coaching.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Coaching.Web.Features.Privacy;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Privacy;

/// <summary>Case files closed for <c>Privacy:AnonymiseClosedAfterYears</c> are anonymised, and the club's figures do not change.</summary>
public sealed class ClosedCaseAnonymisationTests
{
    [Fact]
    public async Task Files_closed_for_three_years_are_anonymised_and_the_reports_still_count_them()
    {
        // Its own app: the clock moves three years and the demo's closed files get anonymised. The daily job is run by hand.
        await using var app = new CoachingAppFactory
        {
            ConfigureServices = services => services.RemoveAll<IHostedService>(),
        };
        await app.InitializeAsync();
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var closedId = await CreateMerchantAsync(app, advisor, "Finished");
        var openId = await CreateMerchantAsync(app, advisor, "Coaching");
        var closedAt = await app.QueryAsync(db => db.Merchants.Where(m => m.Id == closedId).Select(m => m.ClosedAt).SingleAsync());
        Assert.Equal(app.Clock.GetUtcNow(), closedAt);

        var clubId = await app.QueryAsync(db => db.Clubs.Select(c => c.Id).FirstAsync());
        // Reports count whole Paris days: the period runs from one Paris midnight to another.
        var today = app.Clock.TodayInParis();
        var filter = new ReportFilter(clubId, ParisMidnight(today.AddYears(-10)), ParisMidnight(today.AddDays(1)));
        var before = await ReportJsonAsync(app, filter);

        app.Clock.Advance(TimeSpan.FromDays(365 * 3 - 10));
        Assert.DoesNotContain(closedId, await RunAsync(app));

        app.Clock.Advance(TimeSpan.FromDays(12));
        var anonymised = await RunAsync(app);
        Assert.Contains(closedId, anonymised);
        Assert.DoesNotContain(openId, anonymised);
        Assert.Empty(await RunAsync(app));

        var merchant = await app.QueryAsync(db => db.Merchants.AsNoTracking().SingleAsync(m => m.Id == closedId));
        Assert.NotNull(merchant.AnonymisedAt);
        Assert.Equal("", merchant.ContactName);
        Assert.Null(merchant.Email);
        Assert.Null(await app.QueryAsync(db => db.Merchants.Where(m => m.Id == openId).Select(m => m.AnonymisedAt).SingleAsync()));
        var register = await app.QueryAsync(db => db.PrivacyOperations.SingleAsync(o => o.MerchantId == closedId));
        Assert.Equal(PrivacyOperationKind.AutomaticAnonymisation, register.Kind);
        Assert.Null(register.ActorId);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Anonymisation && e.TargetId == closedId.ToString())));

        // Every demo file closed by then is anonymous too; erase on request some with diagnostics, sessions and plans as well:
        // the figures over the same period stay exactly the same.
        Assert.Equal(0, await app.QueryAsync(db => db.Merchants.CountAsync(m => (m.Status == CaseStatus.Finished || m.Status == CaseStatus.Dropped) && m.AnonymisedAt == null)));
        var scored = await app.QueryAsync(db => db.Assessments.Where(a => a.OverallScore != null && a.Merchant!.AnonymisedAt == null)
            .Select(a => a.MerchantId).Distinct().OrderBy(id => id).Take(8).ToListAsync());
        Assert.Equal(8, scored.Count);
        foreach (var id in scored)
            await app.WithScopeAsync(services => services.GetRequiredService<MerchantAnonymiser>().AnonymiseAsync(id, PrivacyOperationKind.Erasure, app.Ids.AdminUserId, "Test"));
        Assert.Equal(before, await ReportJsonAsync(app, filter));
    }

    [Fact]
    public void The_default_delay_is_three_years() => Assert.Equal(3, new PrivacyOptions().AnonymiseClosedAfterYears);

    private static async Task<int> CreateMerchantAsync(CoachingAppFactory app, HttpClient advisor, string status)
    {
        var page = await advisor.GetPageAsync("/dossiers/nouveau");
        var response = await advisor.SubmitAsync(page, "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret(), "Épicerie " + status, ("Status", status)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<IReadOnlyList<int>> RunAsync(CoachingAppFactory app) =>
        app.WithScopeAsync(services => services.GetRequiredService<ClosedCaseAnonymisation>().RunAsync(3));

    private static DateTimeOffset ParisMidnight(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), ParisTime.Zone), TimeSpan.Zero);

    private static Task<string> ReportJsonAsync(CoachingAppFactory app, ReportFilter filter) =>
        app.WithScopeAsync(async services => JsonSerializer.Serialize(await services.GetRequiredService<ReportQuery>().RunAsync(filter), RoundedDoubles.Options));

    /// <summary>
    /// Averages to 9 decimals: PostgreSQL sums floating-point values in the order it reads the rows, and an UPDATE moves
    /// a row (a new row version), so the same figures can differ in their last bits (1e-14) after the anonymisation.
    /// </summary>
    private sealed class RoundedDoubles : System.Text.Json.Serialization.JsonConverter<double>
    {
        public static readonly JsonSerializerOptions Options = new() { Converters = { new RoundedDoubles() } };

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(Math.Round(value, 9));
    }
}
