using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coaching.Core.Data;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Privacy;

/// <summary>
/// Everything the app holds about a merchant, as a ZIP of JSON files plus the issued roadmap PDFs (right of access and
/// portability). The format is documented in docs/privacy-export.md.
/// </summary>
public sealed class MerchantExport(CoachingDbContext db, TimeProvider clock)
{
    public const string Format = "coaching-merchant-export/1";
    public const string ContentType = "application/zip";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<byte[]> BuildAsync(int merchantId, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().Include(m => m.AssignedAdvisor).SingleAsync(m => m.Id == merchantId, cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => u.MerchantId == merchantId)
            .Select(u => new { u.Email, u.DisplayName, u.CreatedAt, u.IsActive, HasPassword = u.PasswordHash != null }).ToListAsync(cancellationToken);
        var caseFile = new
        {
            format = Format,
            exportedAt = clock.GetUtcNow(),
            merchant = new
            {
                merchant.Id, merchant.BusinessName, merchant.Siret, merchant.NafCode, merchant.Sector,
                merchant.AddressLine, merchant.Postcode, merchant.CommuneCode, merchant.CommuneName, merchant.DepartmentCode, merchant.RegionCode,
                merchant.ContactName, merchant.Email, merchant.Phone, merchant.EmployeeBand, merchant.ManagerAgeBand,
                Channels = merchant.Channels.ToString(), merchant.Status, merchant.ConsentGivenAt, merchant.CreatedAt, merchant.UpdatedAt,
                merchant.ClosedAt, merchant.AnonymisedAt, AssignedAdvisor = merchant.AssignedAdvisor?.DisplayName,
            },
            accounts,
        };

        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.MerchantId == merchantId).OrderBy(c => c.OccurredAt)
            .Select(c => new { c.Purpose, c.Given, c.OccurredAt, c.Method, RecordedBy = c.RecordedBy != null ? c.RecordedBy.DisplayName : null })
            .ToListAsync(cancellationToken);

        var diagnostics = await db.Assessments.AsNoTracking().Where(a => a.MerchantId == merchantId).OrderBy(a => a.StartedAt)
            .Select(a => new
            {
                a.Id, a.Kind, a.Status, Questionnaire = a.Questionnaire!.Code, QuestionnaireVersion = a.Questionnaire.Version,
                a.StartedAt, a.CompletedAt, a.OverallScore, a.LevelName,
                AxisScores = a.AxisScores.OrderBy(s => s.Position).Select(s => new { s.AxisCode, s.AxisTitle, s.Score }).ToList(),
                Answers = a.Answers.OrderBy(x => x.Id).Select(x => new { x.QuestionCode, x.OptionCodes, x.Number, x.Text, x.NotApplicable, x.Comment, x.AnsweredAt }).ToList(),
            }).ToListAsync(cancellationToken);

        var sessions = await db.CoachingSessions.AsNoTracking().Where(s => s.Merchants.Any(m => m.MerchantId == merchantId)).OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.AxisCodes, s.Notes, s.NextStep, s.NextAppointmentAt,
                Participants = s.Merchants.Count,
                Advisors = s.Advisors.Select(a => a.Advisor!.DisplayName).ToList(),
                Revisions = s.Revisions.OrderBy(r => r.RevisedAt).Select(r => new { r.RevisedAt, r.Summary, r.PreviousState }).ToList(),
            }).ToListAsync(cancellationToken);
        var sessionsOut = sessions.Select(s => new
        {
            s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.AxisCodes, s.Notes, s.NextStep, s.NextAppointmentAt, s.Participants, s.Advisors,
            Revisions = s.Revisions.Select(r => new { r.RevisedAt, r.Summary, PreviousState = SessionSnapshot.FromJson(r.PreviousState) }).ToList(),
        });

        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.MerchantId == merchantId)
            .Select(p => new
            {
                p.CreatedAt, p.UpdatedAt,
                Items = p.Items.OrderBy(i => i.Position).Select(i => new { i.ActionCode, i.Position, i.DueDate, i.Owner, i.Status, i.ProgressNotes, i.Reason, i.CompletedAt }).ToList(),
                History = p.Changes.OrderBy(c => c.OccurredAt).Select(c => new { c.OccurredAt, c.ActionCode, c.Summary }).ToList(),
            }).SingleOrDefaultAsync(cancellationToken);

        var timeline = await db.CaseEvents.AsNoTracking().Where(e => e.MerchantId == merchantId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.OccurredAt, e.Kind, e.Summary }).ToListAsync(cancellationToken);

        var roadmaps = await db.IssuedRoadmaps.AsNoTracking().Where(r => r.MerchantId == merchantId).OrderBy(r => r.Number).ToListAsync(cancellationToken);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddJsonAsync(zip, "dossier.json", caseFile, cancellationToken);
            await AddJsonAsync(zip, "consentements.json", consents, cancellationToken);
            await AddJsonAsync(zip, "diagnostics.json", diagnostics, cancellationToken);
            await AddJsonAsync(zip, "seances.json", sessionsOut, cancellationToken);
            await AddJsonAsync(zip, "plan.json", plan, cancellationToken);
            await AddJsonAsync(zip, "historique.json", timeline, cancellationToken);
            await AddJsonAsync(zip, "feuilles-de-route.json",
                roadmaps.Select(r => new { r.Number, r.IssuedAt, r.Sha256, r.PageCount, File = "feuilles-de-route/" + r.FileName }), cancellationToken);
            foreach (var roadmap in roadmaps)
            {
                var entry = zip.CreateEntry("feuilles-de-route/" + roadmap.FileName, CompressionLevel.NoCompression);
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(roadmap.Content, cancellationToken);
            }
        }
        return buffer.ToArray();
    }

    private static async Task AddJsonAsync(ZipArchive zip, string name, object? value, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }
}
