using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;

namespace Coaching.Web.Features.Import;

/// <summary>The columns of the import file, their French headers and how a cell becomes a form value.</summary>
public static class MerchantCsvColumns
{
    public sealed record Column(string Header, string Field, bool Required, string Description, string[] Aliases);

    public static readonly IReadOnlyList<Column> All =
    [
        new("nom_commerce", "BusinessName", true, "Nom du commerce", ["raison_sociale", "nom", "enseigne"]),
        new("siret", "Siret", true, "14 chiffres", []),
        new("code_naf", "NafCode", true, "Code NAF/APE, par exemple 47.76Z", ["naf", "ape", "code_ape"]),
        new("adresse", "AddressLine", false, "Numéro et rue", []),
        new("code_postal", "Postcode", true, "5 chiffres", ["cp"]),
        new("commune", "CommuneName", true, "Nom de la commune", ["ville"]),
        new("contact", "ContactName", true, "Personne à contacter", ["nom_contact"]),
        new("email", "Email", false, "Adresse e-mail", ["e_mail", "courriel", "mail"]),
        new("telephone", "Phone", false, "Numéro français, par exemple 05 56 12 34 56", ["tel"]),
        new("salaries", "EmployeeBand", false, "Nombre de salariés (nombre entier)", ["effectif"]),
        new("age_dirigeant", "ManagerAgeBand", false, "Âge du dirigeant en années", []),
        new("statut", "Status", false, "prospect, en accompagnement, terminé ou abandonné (prospect si vide)", []),
        new("consentement", "ConsentGiven", false, "oui si le commerçant a donné son consentement RGPD", ["consentement_rgpd", "rgpd"]),
        new("conseiller", "AssignedAdvisorId", false, "E-mail du conseiller (responsables du club seulement)", ["email_conseiller"]),
    ];

    public static Column? FindByHeader(string header)
    {
        var key = FrenchGeography.Fold(header).Replace(' ', '_');
        return All.FirstOrDefault(c => c.Header == key || c.Aliases.Contains(key));
    }

    public static Column ForField(string field) => All.First(c => c.Field == field);

    public static string? EmployeeBandFrom(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return nameof(EmployeeBand.None);
        if (!int.TryParse(cell.Trim(), out var count) || count < 0) return cell;
        return (count switch
        {
            0 => EmployeeBand.None,
            <= 2 => EmployeeBand.OneToTwo,
            <= 5 => EmployeeBand.ThreeToFive,
            <= 9 => EmployeeBand.SixToNine,
            <= 19 => EmployeeBand.TenToNineteen,
            _ => EmployeeBand.TwentyOrMore,
        }).ToString();
    }

    public static string? AgeBandFrom(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return nameof(AgeBand.Unknown);
        if (!int.TryParse(cell.Trim(), out var age) || age is < 14 or > 110) return cell;
        return (age switch
        {
            < 30 => AgeBand.Under30,
            <= 45 => AgeBand.From30To45,
            <= 55 => AgeBand.From46To55,
            <= 65 => AgeBand.From56To65,
            _ => AgeBand.Over65,
        }).ToString();
    }

    public static string? StatusFrom(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return nameof(CaseStatus.Prospect);
        var key = FrenchGeography.Fold(cell);
        return Enum.GetValues<CaseStatus>().Where(s => FrenchGeography.Fold(s.Label()) == key).Select(s => s.ToString()).FirstOrDefault() ?? cell;
    }

    public static bool? YesNo(string? cell) => string.IsNullOrWhiteSpace(cell) ? false : FrenchGeography.Fold(cell) switch
    {
        "oui" or "o" or "1" or "x" or "vrai" => true,
        "non" or "n" or "0" or "faux" => false,
        _ => null,
    };
}
