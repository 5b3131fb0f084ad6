using Coaching.Core.ReferenceData;

namespace Coaching.Tests.Core.ReferenceData;

public sealed class FrenchGeographyTests
{
    private static readonly FrenchGeography Geography = FrenchGeography.Instance;

    [Fact]
    public void Bordeaux_has_its_five_postcodes()
    {
        var bordeaux = Geography.FindCommune("33063");

        Assert.NotNull(bordeaux);
        Assert.Equal("Bordeaux", bordeaux.Name);
        Assert.Equal("33", bordeaux.DepartmentCode);
        Assert.Equal("75", bordeaux.RegionCode);
        Assert.Equal(["33000", "33100", "33200", "33300", "33800"], bordeaux.Postcodes.Order());
    }

    [Fact]
    public void Nouvelle_Aquitaine_has_its_twelve_departments()
    {
        Assert.Equal("Nouvelle-Aquitaine", Geography.FindRegion("75")?.Name);
        Assert.Equal(["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
            Geography.DepartmentsOf("75").Select(d => d.Code).Order());
        Assert.Equal("33 – Gironde", Geography.FindDepartment("33")?.Label);
    }

    [Fact]
    public void Covers_all_of_France_including_Corsica_and_overseas()
    {
        string[] regions = ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"];
        Assert.All(regions, code => Assert.NotNull(Geography.FindRegion(code)));
        Assert.NotNull(Geography.FindDepartment("2A"));
        Assert.NotNull(Geography.FindDepartment("974"));
        Assert.Equal("Ajaccio", Geography.FindCommune("2A004")?.Name);
    }

    [Theory]
    [InlineData("33700", "Mérignac", "33281")]
    [InlineData("33700", "MERIGNAC", "33281")]
    [InlineData("33700", "merignac", "33281")]
    [InlineData("64500", "Saint-Jean-de-Luz", "64483")]
    [InlineData("64500", "saint jean de luz", "64483")]
    [InlineData("64500", "St-Jean-de-Luz", "64483")]
    [InlineData("33260", "la teste de buch", "33529")]
    [InlineData("33115", "La Teste-de-Buch", "33529")]      // a commune with two postcodes
    [InlineData("33660", "camps sur l isle", "33088")]      // apostrophe
    [InlineData("33800", " Bordeaux ", "33063")]
    public void Finds_a_commune_by_postcode_and_name_ignoring_accents_case_and_hyphens(string postcode, string name, string insee) =>
        Assert.Equal(insee, Geography.FindCommune(postcode, name)?.InseeCode);

    [Theory]
    [InlineData("02160", "Œuilly", "02565")]
    [InlineData("02160", "Oeuilly", "02565")]
    [InlineData("02160", "OEUILLY", "02565")]
    [InlineData("02160", "œuilly", "02565")]
    [InlineData("17400", "Saint-Jean-d'Angély", "17347")]
    [InlineData("17400", "Saint-Jean-d’Angély", "17347")]      // typographic apostrophe
    [InlineData("17400", "Saint-Jean-dʼAngély", "17347")]      // modifier-letter apostrophe (U+02BC)
    [InlineData("17400", "ＳＡＩＮＴ-ＪＥＡＮ-Ｄ'ＡＮＧＥＬＹ", "17347")] // full-width letters
    [InlineData("17400", "St Jean d Angely", "17347")]
    public void Finds_a_commune_typed_with_ligatures_and_typographic_variants(string postcode, string name, string insee) =>
        Assert.Equal(insee, Geography.FindCommune(postcode, name)?.InseeCode);

    [Fact]
    public void A_postcode_shared_by_many_communes_lists_them_all()
    {
        var expected = typeof(FrenchGeography).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("communes.csv", StringComparison.Ordinal));
        using var reader = new StreamReader(typeof(FrenchGeography).Assembly.GetManifestResourceStream(expected)!);
        var inFile = reader.ReadToEnd().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(';')).Where(c => c.Length > 4 && c[4].Split(' ').Contains("51300")).Select(c => c[0]).Order().ToList();

        var listed = Geography.CommunesWithPostcode("51300");

        Assert.True(inFile.Count > 40);
        Assert.Equal(inFile, listed.Select(c => c.InseeCode).Order());
        Assert.Equal(listed.Count, Geography.CommunesWithPostcode(" 51300 ").Count);
    }

    [Theory]
    [InlineData("33700", "Bordeaux")]         // wrong postcode for that name
    [InlineData("99999", "Bordeaux")]
    [InlineData(null, "Bordeaux")]
    [InlineData("33000", "")]
    [InlineData("33000", null)]
    public void Finds_no_commune_when_postcode_and_name_disagree(string? postcode, string? name) =>
        Assert.Null(Geography.FindCommune(postcode, name));

    [Fact]
    public void Lists_the_communes_of_a_postcode_in_French_alphabetical_order()
    {
        var names = Geography.CommunesWithPostcode("33660").Select(c => c.Name).ToList();

        Assert.Contains("Camps-sur-l'Isle", names);
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true)), names);
        Assert.Empty(Geography.CommunesWithPostcode(null));
    }

    [Fact]
    public void Lists_a_departments_communes_most_populous_first()
    {
        var gironde = Geography.CommunesInDepartment("33").Take(2).Select(c => c.Name);

        Assert.Equal(["Bordeaux", "Mérignac"], gironde);
    }
}
