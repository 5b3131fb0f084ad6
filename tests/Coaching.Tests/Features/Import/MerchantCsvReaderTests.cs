using System.Text;
using Coaching.Web.Features.Import;

namespace Coaching.Tests.Features.Import;

public sealed class MerchantCsvReaderTests
{
    private const string Header = "nom_commerce;siret;code_naf;adresse;code_postal;commune;contact;email;telephone;salaries;age_dirigeant;statut;consentement";

    private static ParsedImport Read(string text, bool bom = true)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        return MerchantCsvReader.Read(new MemoryStream(bytes));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_French_spreadsheet_CSV_with_or_without_BOM(bool bom)
    {
        var parsed = Read(Header + "\r\nFleurs « Éva »;73282932000074;47.76Z;\"3; rue du Port\";33000;Bordeaux;Éva Noël;;;4;52;en accompagnement;oui\r\n", bom);

        Assert.Empty(parsed.Errors);
        var row = Assert.Single(parsed.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal("Fleurs « Éva »", row.Form.BusinessName);
        Assert.Equal("3; rue du Port", row.Form.AddressLine);
        Assert.Equal("ThreeToFive", row.Form.EmployeeBand);
        Assert.Equal("From46To55", row.Form.ManagerAgeBand);
        Assert.Equal("Coaching", row.Form.Status);
        Assert.True(row.Form.ConsentGiven);
    }

    [Fact]
    public void Headers_are_matched_without_case_accents_or_spaces_and_aliases_are_accepted()
    {
        var parsed = Read("Raison sociale;SIRET;APE;Code postal;Ville;Contact\nA;73282932000074;47.76Z;33000;Bordeaux;B\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal("A", Assert.Single(parsed.Rows).Form.BusinessName);
    }

    [Fact]
    public void A_comma_separated_file_is_named_as_such()
    {
        var parsed = Read("nom_commerce,siret,code_naf,code_postal,commune,contact\nA,1,2,3,4,5\n");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("points-virgules", error.Message);
    }

    [Fact]
    public void Missing_and_unknown_columns_are_reported_on_line_1()
    {
        var parsed = Read("nom_commerce;siret;couleur\nA;1;bleu\n");

        Assert.All(parsed.Errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(parsed.Errors, e => e.Column == "couleur" && e.Message.Contains("inconnue", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Column == "code_naf" && e.Message.Contains("manque", StringComparison.Ordinal));
        Assert.Empty(parsed.Rows);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_with_advice()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\nCafé;73282932000074;56.30Z;;33000;Bordeaux;Zoé;;;;;;\n");

        var parsed = MerchantCsvReader.Read(new MemoryStream(latin1));

        Assert.Contains(parsed.Errors, e => e.Message.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Extra_values_and_bad_yes_no_are_reported_with_their_line()
    {
        var parsed = Read(Header + "\nA;73282932000074;47.76Z;;33000;Bordeaux;B;;;;;;peut-être\nC;73282932000074;47.76Z;;33000;Bordeaux;D;;;;;;non;en trop\n");

        Assert.Contains(parsed.Errors, e => e.Line == 2 && e.Column == "consentement");
        Assert.Contains(parsed.Errors, e => e.Line == 3 && e.Message.Contains("points-virgules", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_file_is_explained()
    {
        Assert.Contains("vide", Assert.Single(Read("").Errors).Message);
        Assert.Contains("aucun dossier", Assert.Single(Read(Header + "\n").Errors).Message);
    }
}
