using System.Globalization;
using Coaching.Core.Audit;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Audit;

/// <summary>
/// What the journal shows for a line: the French name of the operation (not « Users.Invite ») and its target as users
/// know it — a person's name rather than an account id, a merchant's name with a link to the case file, a roadmap's
/// number within its merchant's roadmaps.
/// </summary>
public static class AuditTargets
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["Audit"] = "journal", ["Caseloads"] = "portefeuilles", ["Diagnostics"] = "diagnostic", ["Import"] = "import de dossiers",
        ["Merchants"] = "dossier", ["MySpace"] = "espace commerçant", ["Plans"] = "plan d’actions", ["Reports"] = "rapport",
        ["Roadmaps"] = "feuille de route", ["Security"] = "sécurité du compte", ["Sessions"] = "séance", ["Users"] = "compte",
    };

    private static readonly Dictionary<string, string> Operations = new(StringComparer.Ordinal)
    {
        ["Index"] = "Consultation", ["Details"] = "Consultation", ["Create"] = "Création", ["Edit"] = "Modification",
        ["Delete"] = "Suppression", ["Invite"] = "Invitation", ["Download"] = "Téléchargement", ["Issue"] = "Émission",
        ["Preview"] = "Aperçu", ["Csv"] = "Export CSV", ["Pdf"] = "Export PDF", ["OpenData"] = "Export des données ouvertes",
        ["Confirm"] = "Confirmation", ["Transfer"] = "Transfert", ["Reassign"] = "Réaffectation", ["Deactivate"] = "Désactivation",
        ["Reactivate"] = "Réactivation", ["Export"] = "Export", ["Save"] = "Enregistrement", ["Start"] = "Début",
        ["Complete"] = "Fin", ["Answer"] = "Réponse", ["Calendar"] = "Export agenda",
    };

    /// <summary>« Invitation – compte » for « Users.Invite »; any other detail as it was written.</summary>
    public static string? Describe(string? detail)
    {
        if (detail is null) return null;
        var parts = detail.Split('.');
        if (parts.Length != 2 || !Sections.TryGetValue(parts[0], out var section)) return detail;
        return Operations.TryGetValue(parts[1], out var operation) ? $"{operation} – {section}" : char.ToUpper(section[0], CultureInfo.GetCultureInfo("fr-FR")) + section[1..];
    }

    /// <summary>The target's text and, for a case file, the merchant to link to.</summary>
    public static async Task<Dictionary<(AuditTarget, string), (string Text, int? MerchantId)>> NameAsync(
        CoachingDbContext db, IEnumerable<(AuditTarget Target, string? Id)> targets, CancellationToken cancellationToken)
    {
        var list = targets.Where(t => t.Id is not null).Select(t => (t.Target, Id: t.Id!)).Distinct().ToList();
        var result = new Dictionary<(AuditTarget, string), (string, int?)>();
        var accountIds = list.Where(t => t.Target == AuditTarget.Account).Select(t => t.Id).ToList();
        var names = await db.Users.Where(u => accountIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        foreach (var id in accountIds) result[(AuditTarget.Account, id)] = (names.TryGetValue(id, out var name) ? "Compte de " + name : "Compte supprimé", null);

        var merchantIds = list.Where(t => t.Target == AuditTarget.Merchant).Select(t => int.TryParse(t.Id, out var n) ? n : 0).Where(n => n > 0).ToList();
        var merchants = await db.Merchants.Where(m => merchantIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.BusinessName, cancellationToken);
        foreach (var (id, name) in merchants) result[(AuditTarget.Merchant, id.ToString(CultureInfo.InvariantCulture))] = ("Dossier « " + name + " »", id);

        var roadmapIds = list.Where(t => t.Target == AuditTarget.Roadmap).Select(t => int.TryParse(t.Id, out var n) ? n : 0).Where(n => n > 0).ToList();
        var roadmaps = await db.IssuedRoadmaps.Where(r => roadmapIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Number, r.MerchantId, Name = db.Merchants.Where(m => m.Id == r.MerchantId).Select(m => m.BusinessName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var r in roadmaps)
            result[(AuditTarget.Roadmap, r.Id.ToString(CultureInfo.InvariantCulture))] = ($"Feuille de route n° {r.Number} de « {r.Name} »", r.MerchantId);
        return result;
    }
}
