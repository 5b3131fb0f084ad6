using System.Globalization;
using System.Text;
using Coaching.Web.Features.Merchants;
using CsvHelper;
using CsvHelper.Configuration;

namespace Coaching.Web.Features.Import;

public sealed record ImportError(int Line, string? Column, string Message);

public sealed record ImportRow(int Line, MerchantForm Form, string? AdvisorEmail);

public sealed record ParsedImport(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors);

/// <summary>Reads a French spreadsheet CSV (`;`, UTF-8 with or without BOM) into case-file forms; syntax only, no business rules.</summary>
public static class MerchantCsvReader
{
    public const int MaxRows = 5000;

    public static ParsedImport Read(Stream stream)
    {
        var errors = new List<ImportError>();
        var rows = new List<ImportRow>();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR"))
        {
            Delimiter = ";",
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
                return new ParsedImport(rows, [new ImportError(1, null, "Le fichier est vide : la première ligne doit contenir les noms des colonnes.")]);

            var columns = MapHeader(csv.HeaderRecord ?? [], errors);
            if (errors.Count > 0) return new ParsedImport(rows, errors);

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (rows.Count >= MaxRows)
                {
                    errors.Add(new ImportError(line, null, $"Le fichier dépasse {MaxRows} lignes : découpez-le en plusieurs fichiers."));
                    break;
                }
                var cells = csv.Parser.Record ?? [];
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (cells.Length > columns.Count)
                    errors.Add(new ImportError(line, null, $"La ligne compte {cells.Length} valeurs pour {columns.Count} colonnes : vérifiez les points-virgules."));
                rows.Add(ToRow(line, cells, columns, errors));
            }
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
        {
            var line = (e as CsvHelperException)?.Context?.Parser?.RawRow ?? 0;
            errors.Add(new ImportError(line, null, e is DecoderFallbackException
                ? "Le fichier n'est pas encodé en UTF-8. Dans votre tableur, enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) »."
                : "Cette ligne est mal formée (guillemet non refermé ?)."));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(2, null, "Le fichier ne contient aucun dossier sous la ligne des noms de colonnes."));
        return new ParsedImport(rows, errors);
    }

    private static List<MerchantCsvColumns.Column?> MapHeader(string[] header, List<ImportError> errors)
    {
        var columns = header.Select(MerchantCsvColumns.FindByHeader).ToList();
        for (var i = 0; i < header.Length; i++)
        {
            if (columns[i] is null && !string.IsNullOrWhiteSpace(header[i]))
                errors.Add(new ImportError(1, header[i], $"Colonne inconnue « {header[i]} ». Colonnes attendues : {string.Join(", ", MerchantCsvColumns.All.Select(c => c.Header))}."));
        }
        foreach (var duplicate in columns.Where(c => c is not null).GroupBy(c => c!.Header).Where(g => g.Count() > 1))
            errors.Add(new ImportError(1, duplicate.Key, $"La colonne « {duplicate.Key} » apparaît plusieurs fois."));
        foreach (var missing in MerchantCsvColumns.All.Where(c => c.Required && !columns.Contains(c)))
            errors.Add(new ImportError(1, missing.Header, $"La colonne obligatoire « {missing.Header} » manque."));
        if (header.Length == 1 && header[0].Contains(',', StringComparison.Ordinal))
        {
            errors.Clear();
            errors.Add(new ImportError(1, null, "Les colonnes doivent être séparées par des points-virgules (;), comme dans un CSV de tableur français."));
        }
        return columns;
    }

    private static ImportRow ToRow(int line, string[] cells, List<MerchantCsvColumns.Column?> columns, List<ImportError> errors)
    {
        string? Cell(string field)
        {
            var index = columns.FindIndex(c => c?.Field == field);
            return index >= 0 && index < cells.Length && cells[index].Length > 0 ? cells[index] : null;
        }

        var consent = MerchantCsvColumns.YesNo(Cell("ConsentGiven"));
        if (consent is null)
            errors.Add(new ImportError(line, "consentement", "Indiquez oui ou non."));
        var form = new MerchantForm
        {
            BusinessName = Cell("BusinessName"),
            Siret = Cell("Siret"),
            NafCode = Cell("NafCode"),
            AddressLine = Cell("AddressLine"),
            Postcode = Cell("Postcode"),
            CommuneName = Cell("CommuneName"),
            ContactName = Cell("ContactName"),
            Email = Cell("Email"),
            Phone = Cell("Phone"),
            EmployeeBand = MerchantCsvColumns.EmployeeBandFrom(Cell("EmployeeBand")),
            ManagerAgeBand = MerchantCsvColumns.AgeBandFrom(Cell("ManagerAgeBand")),
            Status = MerchantCsvColumns.StatusFrom(Cell("Status")),
            ConsentGiven = consent == true,
        };
        return new ImportRow(line, form, Cell("AssignedAdvisorId"));
    }
}
