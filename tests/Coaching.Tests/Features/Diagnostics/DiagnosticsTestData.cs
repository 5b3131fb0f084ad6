using System.Runtime.CompilerServices;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Merchants;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Diagnostics;

/// <summary>
/// What the diagnostics tests need on top of the shared <see cref="CoachingAppFactory"/>. Their classes take a factory
/// of their own (IClassFixture), not the shared collection's: they start, complete and publish questionnaires and
/// diagnostics, and they need merchants of advisor A without a diagnostic in progress that no other test moves.
/// </summary>
internal static class DiagnosticsTestData
{
    private static readonly ConditionalWeakTable<CoachingAppFactory, MerchantQueue> Queues = [];

    /// <summary>Runs a query in a fresh scope of the app's services.</summary>
    public static T Query<T>(this CoachingAppFactory app, Func<CoachingDbContext, T> query)
    {
        using var scope = app.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    /// <summary>Signs in through the real form as a demo account.</summary>
    public static Task<HttpClient> SignInAsync(this CoachingAppFactory app, DemoAccount account) =>
        app.SignInAsync(account.Email, DemoAccounts.Password);

    /// <summary>A merchant assigned to the demo advisor A, with no diagnostic in progress, that no other test of this app has taken.</summary>
    public static Merchant TakeMerchantOfAdvisorA(this CoachingAppFactory app) => Queues.GetValue(app, a => new MerchantQueue(a)).Take();

    private sealed class MerchantQueue(CoachingAppFactory app)
    {
        // Listed once, before any test starts a diagnostic.
        private readonly Lazy<List<Merchant>> _candidates = new(() => app.Query(db => db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email)
            .Where(m => !db.Assessments.Any(a => a.MerchantId == m.Id && a.Status == AssessmentStatus.InProgress))
            .OrderBy(m => m.Id).ToList()));
        private int _next;

        public Merchant Take()
        {
            var index = Interlocked.Increment(ref _next) - 1;
            return index < _candidates.Value.Count
                ? _candidates.Value[index]
                : throw new InvalidOperationException($"Advisor A has only {_candidates.Value.Count} merchants without a diagnostic in progress.");
        }
    }
}
