using Coaching.Core.Merchants;
using Coaching.Core.Privacy;
using Coaching.Core.ReferenceData;

namespace Coaching.Web.Features.Merchants;

/// <summary>Copies a validated form onto a case file and says, in French, what changed.</summary>
public static class MerchantFormMapper
{
    public static IReadOnlyList<string> Apply(MerchantForm form, Merchant merchant, string actorId, DateTimeOffset now, ConsentMethod consentMethod = ConsentMethod.CaseFileForm)
    {
        var changes = new List<string>();
        var commune = FrenchGeography.Instance.FindCommune(form.Postcode, form.CommuneName)!;
        var naf = NafCatalog.Instance.Find(form.NafCode)!;

        Set(changes, "nom", merchant.BusinessName, form.BusinessName!.Trim(), v => merchant.BusinessName = v);
        Set(changes, "SIRET", merchant.Siret, Siret.Normalize(form.Siret), v => merchant.Siret = v);
        Set(changes, "activité", merchant.NafCode, naf.Code, v => merchant.NafCode = v);
        merchant.Sector = naf.Family;
        Set(changes, "adresse", merchant.AddressLine, (form.AddressLine ?? "").Trim(), v => merchant.AddressLine = v);
        Set(changes, "code postal", merchant.Postcode, form.Postcode!.Trim(), v => merchant.Postcode = v);
        Set(changes, "commune", merchant.CommuneCode, commune.InseeCode, v => merchant.CommuneCode = v);
        merchant.CommuneName = commune.Name;
        merchant.DepartmentCode = commune.DepartmentCode;
        merchant.RegionCode = commune.RegionCode;
        Set(changes, "contact", merchant.ContactName, form.ContactName!.Trim(), v => merchant.ContactName = v);
        Set(changes, "e-mail", merchant.Email, Blank(form.Email?.Trim()), v => merchant.Email = v);
        Set(changes, "téléphone", merchant.Phone, FrenchPhone.Normalize(form.Phone), v => merchant.Phone = v);
        Set(changes, "effectif", merchant.EmployeeBand, Enum.Parse<EmployeeBand>(form.EmployeeBand!), v => merchant.EmployeeBand = v);
        Set(changes, "âge du dirigeant", merchant.ManagerAgeBand, Enum.Parse<AgeBand>(form.ManagerAgeBand!), v => merchant.ManagerAgeBand = v);
        Set(changes, "canaux", merchant.Channels, form.Channels.Aggregate(Channels.None, (all, c) => all | c), v => merchant.Channels = v);
        Set(changes, "statut", merchant.Status, Enum.Parse<CaseStatus>(form.Status!), v => merchant.SetStatus(v, now));

        if (form.ConsentGiven && merchant.ConsentGivenAt is null)
        {
            merchant.ConsentGivenAt = now;
            merchant.ConsentRecordedById = actorId;
            changes.Add("consentement RGPD recueilli");
            merchant.ConsentHistory.Add(new ConsentRecord { Given = true, OccurredAt = now, RecordedById = actorId, Method = consentMethod });
        }
        else if (!form.ConsentGiven && merchant.ConsentGivenAt is not null)
        {
            merchant.ConsentGivenAt = null;
            merchant.ConsentRecordedById = null;
            changes.Add("consentement RGPD retiré");
            merchant.ConsentHistory.Add(new ConsentRecord { Given = false, OccurredAt = now, RecordedById = actorId, Method = consentMethod });
        }
        merchant.UpdatedAt = now;
        merchant.RefreshSearchText();
        return changes;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void Set<T>(List<string> changes, string label, T current, T next, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, next)) return;
        assign(next);
        changes.Add(label);
    }
}
