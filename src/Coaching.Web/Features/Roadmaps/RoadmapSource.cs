using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Merchants;
using Coaching.Core.Roadmaps;
using Coaching.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Roadmaps;

/// <summary>Gathers a merchant's <see cref="RoadmapData"/> from the database and the club settings (logo included).</summary>
public sealed class RoadmapSource(CoachingDbContext db, ClubProfiles clubs, TimeProvider clock)
{
    /// <summary>Sessions listed in a roadmap: the most recent ones.</summary>
    public const int MaxSessions = 30;

    public async Task<RoadmapData> LoadAsync(Merchant merchant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var club = await clubs.GetAsync(merchant.ClubId);
        var advisor = merchant.AssignedAdvisorId is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == merchant.AssignedAdvisorId)
            .Select(u => new RoadmapAdvisor(u.DisplayName, u.Email, u.PhoneNumber))
            .SingleOrDefaultAsync(cancellationToken);

        var completed = await db.Assessments.AsNoTracking()
            .Include(a => a.AxisScores)
            .Where(a => a.MerchantId == merchant.Id && a.Status == AssessmentStatus.Completed && a.CompletedAt != null)
            .OrderBy(a => a.CompletedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var questionnaireId = completed.LastOrDefault()?.QuestionnaireId;
        var levels = questionnaireId is null ? [] : await db.MaturityLevels.AsNoTracking()
            .Where(l => l.QuestionnaireId == questionnaireId)
            .OrderBy(l => l.MinScore)
            .ToListAsync(cancellationToken);
        RoadmapDiagnostic? Diagnostic(Assessment? a) => a is null ? null : new RoadmapDiagnostic(
            a.CompletedAt!.Value, a.OverallScore, a.LevelName, levels.FirstOrDefault(l => l.Name == a.LevelName)?.Description,
            a.AxisScores.OrderBy(s => s.Position).Select(s => new RoadmapAxisScore(s.AxisCode, s.AxisTitle, s.Score)).ToList());

        var axisTitles = completed.SelectMany(a => a.AxisScores).GroupBy(s => s.AxisCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().AxisTitle, StringComparer.Ordinal);
        foreach (var axis in await db.QuestionnaireAxes.AsNoTracking().Select(a => new { a.Code, a.Title }).ToListAsync(cancellationToken))
            axisTitles.TryAdd(axis.Code, axis.Title);
        var catalogue = await db.CatalogActions.AsNoTracking().Select(a => new { a.Code, a.Title, a.AxisCode }).ToDictionaryAsync(a => a.Code, cancellationToken);

        var items = await db.ActionPlanItems.AsNoTracking()
            .Where(i => i.Plan!.MerchantId == merchant.Id)
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var actions = items.Select(i =>
        {
            var action = catalogue.GetValueOrDefault(i.ActionCode);
            var axis = action is null ? null : axisTitles.GetValueOrDefault(action.AxisCode); // never the internal code
            return new RoadmapAction(i.Position, action?.Title ?? ActionCodes.TitleOf(i.ActionCode), axis, i.Owner, i.DueDate, i.Status, i.ProgressNotes);
        }).ToList();

        var sessions = await db.CoachingSessions.AsNoTracking()
            .Where(s => s.Merchants.Any(m => m.MerchantId == merchant.Id) && s.StartsAt <= now)
            .OrderByDescending(s => s.StartsAt)
            .Take(MaxSessions)
            .Select(s => new RoadmapSession(s.StartsAt, s.Mode, s.DurationMinutes, s.NextStep))
            .ToListAsync(cancellationToken);
        var next = await NextAppointmentAsync(merchant.Id, cancellationToken);

        return new RoadmapData(
            new RoadmapClub(club.Name, club.HasLogo ? (await clubs.GetLogoAsync(club.Id, cancellationToken))?.Content : null, club.ContactEmail, club.Phone, club.Website),
            new RoadmapMerchant(merchant.BusinessName, merchant.ContactName, $"{merchant.AddressLine}, {merchant.Postcode} {merchant.CommuneName}".Trim(' ', ',')),
            advisor,
            now,
            Diagnostic(completed.FirstOrDefault()),
            Diagnostic(completed.LastOrDefault()),
            levels.Select(l => new RoadmapLevel(l.Name, l.MinScore, l.MaxScore)).ToList(),
            actions,
            sessions.OrderBy(s => s.StartsAt).ToList(),
            next is null ? null : new RoadmapAppointment(next.At, next.Mode));
    }

    public sealed record NextAppointment(int SessionId, DateTimeOffset At, Core.Sessions.SessionMode Mode, int DurationMinutes);

    /// <summary>The coming appointment agreed at one of the merchant's sessions (the earliest one still ahead).</summary>
    public async Task<NextAppointment?> NextAppointmentAsync(int merchantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.CoachingSessions.AsNoTracking()
            .Where(s => s.Merchants.Any(m => m.MerchantId == merchantId) && s.NextAppointmentAt != null && s.NextAppointmentAt > now)
            .OrderBy(s => s.NextAppointmentAt).ThenBy(s => s.Id)
            .Select(s => new NextAppointment(s.Id, s.NextAppointmentAt!.Value, s.Mode, s.DurationMinutes))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
