namespace Coaching.Core.ReferenceData;

/// <summary>Retail sector families the club reports on, derived from the NAF/APE code.</summary>
public enum SectorFamily
{
    Other = 0,
    FoodRetail = 1,
    FoodCraft = 2,
    CafesHotelsRestaurants = 3,
    PersonalEquipment = 4,
    HomeEquipment = 5,
    CultureLeisure = 6,
    HealthBeauty = 7,
    LocalServices = 8,
    Crafts = 9,
}

public static class SectorFamilies
{
    public static string Label(this SectorFamily family) => family switch
    {
        SectorFamily.FoodRetail => "Commerce alimentaire",
        SectorFamily.FoodCraft => "Artisanat alimentaire",
        SectorFamily.CafesHotelsRestaurants => "Cafés, hôtels, restaurants",
        SectorFamily.PersonalEquipment => "Équipement de la personne",
        SectorFamily.HomeEquipment => "Équipement de la maison",
        SectorFamily.CultureLeisure => "Culture, loisirs, sport",
        SectorFamily.HealthBeauty => "Santé, beauté, bien-être",
        SectorFamily.LocalServices => "Services de proximité",
        SectorFamily.Crafts => "Artisanat de fabrication",
        _ => "Autres activités",
    };

    // Longest prefix wins: a NAF sub-class (e.g. 47.73Z) can sit in another family than its group (47.7).
    private static readonly (string Prefix, SectorFamily Family)[] Prefixes =
    [
        ("10.71", SectorFamily.FoodCraft), ("10.13B", SectorFamily.FoodCraft), ("10.52", SectorFamily.FoodCraft),
        ("10.82", SectorFamily.FoodCraft), ("10.39", SectorFamily.FoodCraft), ("11.0", SectorFamily.FoodCraft),
        ("47.1", SectorFamily.FoodRetail), ("47.2", SectorFamily.FoodRetail), ("47.81", SectorFamily.FoodRetail),
        ("55", SectorFamily.CafesHotelsRestaurants), ("56", SectorFamily.CafesHotelsRestaurants),
        ("47.71", SectorFamily.PersonalEquipment), ("47.72", SectorFamily.PersonalEquipment), ("47.77", SectorFamily.PersonalEquipment),
        ("47.82", SectorFamily.PersonalEquipment),
        ("47.4", SectorFamily.HomeEquipment), ("47.5", SectorFamily.HomeEquipment), ("47.76", SectorFamily.HomeEquipment),
        ("47.6", SectorFamily.CultureLeisure), ("47.78", SectorFamily.CultureLeisure), ("47.79", SectorFamily.CultureLeisure),
        ("93", SectorFamily.CultureLeisure), ("90", SectorFamily.CultureLeisure), ("59.14", SectorFamily.CultureLeisure),
        ("47.73", SectorFamily.HealthBeauty), ("47.74", SectorFamily.HealthBeauty), ("47.75", SectorFamily.HealthBeauty),
        ("96.02", SectorFamily.HealthBeauty), ("96.04", SectorFamily.HealthBeauty), ("86", SectorFamily.HealthBeauty),
        ("45", SectorFamily.LocalServices), ("95", SectorFamily.LocalServices), ("96", SectorFamily.LocalServices),
        ("74.2", SectorFamily.LocalServices), ("79", SectorFamily.LocalServices), ("68", SectorFamily.LocalServices),
        ("13", SectorFamily.Crafts), ("14", SectorFamily.Crafts), ("15", SectorFamily.Crafts), ("16", SectorFamily.Crafts),
        ("31", SectorFamily.Crafts), ("32", SectorFamily.Crafts), ("43", SectorFamily.Crafts), ("33", SectorFamily.Crafts),
    ];

    public static SectorFamily FromNaf(string? nafCode)
    {
        if (string.IsNullOrEmpty(nafCode)) return SectorFamily.Other;
        var match = Prefixes.Where(p => nafCode.StartsWith(p.Prefix, StringComparison.Ordinal))
            .OrderByDescending(p => p.Prefix.Length)
            .Select(p => (SectorFamily?)p.Family)
            .FirstOrDefault();
        return match ?? SectorFamily.Other;
    }
}
