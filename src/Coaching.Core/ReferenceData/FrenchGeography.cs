using System.Globalization;
using System.Text;

namespace Coaching.Core.ReferenceData;

public sealed record Region(string Code, string Name);
public sealed record Department(string Code, string RegionCode, string Name)
{
    public string Label => $"{Code} – {Name}";
}
public sealed record Commune(string InseeCode, string Name, string DepartmentCode, string RegionCode, IReadOnlyList<string> Postcodes, int Population)
{
    public string Label => $"{Name} ({DepartmentCode})";
}

/// <summary>Official regions, departments and communes (INSEE codes) from @etalab/decoupage-administratif 6.0.0.</summary>
public sealed class FrenchGeography
{
    public static FrenchGeography Instance { get; } = new();

    private readonly Dictionary<string, Commune> _communesByCode;
    private readonly ILookup<string, Commune> _communesByPostcode;
    private readonly ILookup<string, Commune> _communesByDepartment;

    private FrenchGeography()
    {
        Regions = EmbeddedCsv.Read("regions.csv").Select(r => new Region(r[0], r[1])).ToList();
        Departments = EmbeddedCsv.Read("departements.csv").Select(d => new Department(d[0], d[1], d[2])).ToList();
        var communes = EmbeddedCsv.Read("communes.csv")
            .Select(c => new Commune(c[0], c[1], c[2], c[3], c[4].Split(' '), int.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        _communesByCode = communes.ToDictionary(c => c.InseeCode);
        _communesByDepartment = communes.ToLookup(c => c.DepartmentCode);
        _communesByPostcode = communes.SelectMany(c => c.Postcodes, (c, p) => (p, c)).ToLookup(x => x.p, x => x.c);
    }

    public IReadOnlyList<Region> Regions { get; }
    public IReadOnlyList<Department> Departments { get; }

    public Region? FindRegion(string? code) => Regions.FirstOrDefault(r => r.Code == code);
    public Department? FindDepartment(string? code) => Departments.FirstOrDefault(d => d.Code == code);
    public IEnumerable<Department> DepartmentsOf(string regionCode) => Departments.Where(d => d.RegionCode == regionCode);

    /// <summary>The communes of a department, most populous first.</summary>
    public IEnumerable<Commune> CommunesInDepartment(string departmentCode) =>
        _communesByDepartment[departmentCode].OrderByDescending(c => c.Population);

    public Commune? FindCommune(string? inseeCode) =>
        inseeCode is not null && _communesByCode.TryGetValue(inseeCode, out var c) ? c : null;

    public IReadOnlyList<Commune> CommunesWithPostcode(string? postcode) =>
        postcode is null ? [] : _communesByPostcode[postcode.Trim()].OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();

    /// <summary>The commune of that postcode whose name matches, ignoring case, accents, hyphens and apostrophes.</summary>
    public Commune? FindCommune(string? postcode, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Fold(name);
        return CommunesWithPostcode(postcode).FirstOrDefault(c => Fold(c.Name) == key);
    }

    /// <summary>
    /// Lower case without accents, ligatures spelt out (Œ → oe, Æ → ae, ß → ss), compatibility forms folded (ﬁ, full-width
    /// letters) and every apostrophe, hyphen or other sign turned into a space: « Saint-Jean-d’Angély » and
    /// « saint jean d'angely » fold alike.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ModifierLetter)
            {
                // ʼ (U+02BC, the « letter apostrophe » some keyboards type) separates words like ’ does.
                if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.ModifierLetter) builder.Append(' ');
                continue;
            }
            var lower = char.ToLowerInvariant(ch);
            builder.Append(lower switch
            {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                _ when char.IsLetterOrDigit(lower) => lower.ToString(),
                _ => " ",
            });
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Replace("saint ", "st ", StringComparison.Ordinal);
    }
}
