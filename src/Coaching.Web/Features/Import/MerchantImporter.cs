using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Web.Features.Merchants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Import;

public sealed record ImportCheck(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool CanImport => Errors.Count == 0 && Rows.Count > 0;
}

/// <summary>Checks every line of an import against the case-file rules, then imports all lines or none.</summary>
public sealed class MerchantImporter(CoachingDbContext db, IValidator<MerchantForm> validator, StaffDirectory staff, TimeProvider clock)
{
    private static readonly Dictionary<string, string> ImportMessages = new()
    {
        ["EmployeeBand"] = "Indiquez le nombre de salariés (nombre entier, 0 si aucun).",
        ["ManagerAgeBand"] = "Indiquez l'âge du dirigeant en années (nombre entier), ou laissez vide.",
        ["Status"] = "Indiquez prospect, en accompagnement, terminé ou abandonné.",
    };

    public async Task<ImportCheck> CheckAsync(Stream file, Viewer viewer, CancellationToken cancellationToken)
    {
        var parsed = MerchantCsvReader.Read(file);
        var errors = parsed.Errors.ToList();
        var advisors = viewer.ManagesClub ? await staff.AdvisorsAsync(viewer.ClubId, cancellationToken) : [];
        var sirets = parsed.Rows.Select(r => Siret.Normalize(r.Form.Siret)).Where(s => s.Length == 14).ToList();
        var existing = (await db.Merchants.Where(m => m.ClubId == viewer.ClubId && sirets.Contains(m.Siret)).Select(m => m.Siret).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>();

        foreach (var row in parsed.Rows)
        {
            var result = await validator.ValidateAsync(row.Form, cancellationToken);
            foreach (var failure in result.Errors)
                errors.Add(new ImportError(row.Line, MerchantCsvColumns.ForField(failure.PropertyName.Split('[')[0]).Header, ImportMessages.GetValueOrDefault(failure.PropertyName, failure.ErrorMessage)));

            var siret = Siret.Normalize(row.Form.Siret);
            if (existing.Contains(siret))
                errors.Add(new ImportError(row.Line, "siret", "Un dossier existe déjà pour ce SIRET dans le club."));
            else if (siret.Length == 14 && !seen.TryAdd(siret, row.Line))
                errors.Add(new ImportError(row.Line, "siret", $"Ce SIRET figure déjà à la ligne {seen[siret]} du fichier."));

            if (row.AdvisorEmail is { } email)
            {
                if (!viewer.ManagesClub)
                    errors.Add(new ImportError(row.Line, "conseiller", "Seul un responsable du club peut affecter les dossiers importés ; laissez cette colonne vide."));
                else if (advisors.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase)) is { } advisor)
                    row.Form.AssignedAdvisorId = advisor.Id;
                else
                    errors.Add(new ImportError(row.Line, "conseiller", $"Aucun conseiller du club n'a l'adresse {email}."));
            }
        }
        return new ImportCheck(parsed.Rows, errors.OrderBy(e => e.Line).ToList());
    }

    /// <summary>Imports every row in one transaction; returns how many case files were created.</summary>
    public async Task<int> ImportAsync(ImportCheck check, Viewer viewer, string fileName, CancellationToken cancellationToken)
    {
        if (!check.CanImport) throw new InvalidOperationException("An import with errors cannot be imported.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in check.Rows)
        {
            var merchant = new Merchant
            {
                ClubId = viewer.ClubId,
                CreatedAt = now,
                AssignedAdvisorId = viewer.ManagesClub ? row.Form.AssignedAdvisorId : viewer.UserId,
            };
            MerchantFormMapper.Apply(row.Form, merchant, viewer.UserId, now, Coaching.Core.Privacy.ConsentMethod.Import);
            merchant.Events.Add(Timeline.Entry(CaseEventKind.Imported, $"Dossier importé depuis « {fileName} », ligne {row.Line}.", viewer.UserId, now));
            db.Merchants.Add(merchant);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return check.Rows.Count;
    }
}
