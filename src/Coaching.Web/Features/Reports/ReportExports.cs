using System.Globalization;
using System.Text;
using Coaching.Core.Documents;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Reports;
using Coaching.Core.Reports.Charts;
using Coaching.Core.Sessions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Coaching.Web.Features.Reports;

/// <summary>One line of the exports: a figure with its section, label, category and population.</summary>
public sealed record ReportLine(string Section, string Indicator, string Category, string Value, string Population, string Code, string CategoryCode, double? RawValue, long N, bool Hidden);

/// <summary>The report as lines (CSV), as an open-data file and as a PDF document.</summary>
public static class ReportExports
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static IReadOnlyList<ReportLine> Lines(ClubReport r, bool withAdvisors)
    {
        var lines = new List<ReportLine>();
        void Add(string section, string code, string indicator, string category, string categoryCode, Cell cell, string value, long? n = null) =>
            lines.Add(new ReportLine(section, indicator, category, value, ReportText.Population(n ?? cell.N), code, categoryCode, cell.Shown, n ?? cell.N, cell.Hidden));
        void CountLine(string section, string code, string indicator, Cell cell, string category = "", string categoryCode = "") =>
            Add(section, code, indicator, category, categoryCode, cell, ReportText.Count(cell));

        const string M = "Commerçants accompagnés";
        CountLine(M, "commercants", "Commerçants (population du rapport)", r.Merchants);
        CountLine(M, "nouveaux", "Nouveaux dossiers sur la période", r.NewMerchants);
        CountLine(M, "accompagnes_periode", "Commerçants ayant eu au moins une séance sur la période", r.CoachedInPeriod);
        CountLine(M, "statut", "Statut actuel", r.Prospects, CaseStatus.Prospect.Label(), "prospect");
        CountLine(M, "statut", "Statut actuel", r.Active, CaseStatus.Coaching.Label(), "accompagnement");
        CountLine(M, "statut", "Statut actuel", r.Finished, CaseStatus.Finished.Label(), "termine");
        CountLine(M, "statut", "Statut actuel", r.Dropped, CaseStatus.Dropped.Label(), "abandonne");
        foreach (var d in r.ByDepartment) CountLine(M, "departement", "Commerçants par département", d.Count, d.Label, d.Key);
        foreach (var s in r.BySector) CountLine(M, "secteur", "Commerçants par secteur", s.Count, s.Label, s.Key);

        const string D = "Diagnostics";
        CountLine(D, "premiers_diagnostics", "Premiers diagnostics terminés sur la période", r.FirstDiagnostics);
        CountLine(D, "diagnostics_suivi", "Diagnostics de suivi terminés sur la période", r.FollowUpDiagnostics);

        const string S = "Séances";
        CountLine(S, "seances", "Séances sur la période", r.Sessions);
        Add(S, "heures", "Heures d'accompagnement sur la période", "", "", r.Hours, ReportText.Decimal(r.Hours));
        foreach (var m in r.ByMode)
        {
            CountLine(S, "seances_mode", "Séances par mode", m.Sessions, m.Mode.Label(), m.Mode.ToString());
            Add(S, "heures_mode", "Heures par mode", m.Mode.Label(), m.Mode.ToString(), m.Hours, ReportText.Decimal(m.Hours), m.Sessions.N);
        }
        Add(S, "delai_premiere_seance", "Jours entre le premier contact et la première séance (moyenne)", "", "", r.DaysToFirstSession, ReportText.Decimal(r.DaysToFirstSession));

        const string P = "Progression de la maturité";
        CountLine(P, "population_progression", "Commerçants avec deux diagnostics ou plus, le dernier sur la période", r.ProgressMerchants);
        foreach (var row in new[] { r.OverallScore }.Concat(r.AxisScores))
        {
            Add(P, "score_premier", "Score moyen au premier diagnostic", row.Label, row.Key, row.First, ReportText.Decimal(row.First));
            Add(P, "score_dernier", "Score moyen au dernier diagnostic", row.Label, row.Key, row.Latest, ReportText.Decimal(row.Latest));
            Add(P, "gain", "Gain moyen (points)", row.Label, row.Key, row.Latest, ReportText.Gain(row.Gain));
        }
        foreach (var level in r.Levels)
        {
            CountLine(P, "niveau_premier", "Niveau au premier diagnostic", level.First, level.Level, level.Level);
            CountLine(P, "niveau_dernier", "Niveau au dernier diagnostic", level.Latest, level.Level, level.Level);
        }
        foreach (var share in r.IndicatorShares)
        {
            Add(P, "part_premier", "Part des commerçants au premier diagnostic", share.Label, share.Key, share.First, ReportText.Share(share.First));
            Add(P, "part_dernier", "Part des commerçants au dernier diagnostic", share.Label, share.Key, share.Latest, ReportText.Share(share.Latest));
        }
        Add(P, "heures_par_point", "Heures d'accompagnement par point de maturité gagné", "", "", r.HoursPerPointGained, ReportText.Decimal(r.HoursPerPointGained));

        const string A = "Actions";
        CountLine(A, "actions", "Actions des plans", r.Actions);
        CountLine(A, "actions_faites", "Actions faites sur la période", r.ActionsDone);
        CountLine(A, "actions_en_retard", "Actions en retard aujourd'hui", r.ActionsOverdue);

        foreach (var month in r.Months)
        {
            CountLine("Évolution mensuelle", "seances_mois", "Séances", month.Sessions, ReportText.Month(month.Month), month.Month);
            CountLine("Évolution mensuelle", "nouveaux_mois", "Nouveaux dossiers", month.NewMerchants, ReportText.Month(month.Month), month.Month);
        }
        if (withAdvisors)
        {
            foreach (var a in r.Advisors)
            {
                CountLine("Charge des conseillers", "dossiers_conseiller", "Dossiers suivis", a.Merchants, a.Name, a.AdvisorId);
                CountLine("Charge des conseillers", "seances_conseiller", "Séances sur la période", a.Sessions, a.Name, a.AdvisorId);
                Add("Charge des conseillers", "heures_conseiller", "Heures sur la période", a.Name, a.AdvisorId, a.Hours, ReportText.Decimal(a.Hours), a.Sessions.N);
            }
        }
        return lines;
    }

    /// <summary>French spreadsheet dialect: « ; », decimal commas, UTF-8 with a byte order mark.</summary>
    public static byte[] Csv(ClubReport report, IReadOnlyList<(string Label, string Value)> filters)
    {
        var configuration = new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR")) { Delimiter = ";", NewLine = "\r\n" };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var header in new[] { "Rubrique", "Indicateur", "Catégorie", "Valeur", "Population (n)" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var (label, value) in filters)
            {
                foreach (var field in new[] { "Filtre", label, value, "", "" }) csv.WriteField(CsvCell.Safe(field));
                csv.NextRecord();
            }
            foreach (var line in Lines(report, withAdvisors: true))
            {
                // Spreadsheets read « 1 234,5 » as text: numbers go out without thousands separators.
                foreach (var field in new[] { line.Section, line.Indicator, line.Category, Plain(line.Value), Plain(line.Population) }) csv.WriteField(CsvCell.Safe(field));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    private static string Plain(string value) => value.Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal);

    /// <summary>
    /// Open data: no names (advisors are left out), codes rather than labels, counts under the threshold blanked with
    /// « secret_statistique = oui »; comma-separated, decimal points, UTF-8, as data portals expect.
    /// </summary>
    public static byte[] OpenData(ClubReport report)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ",", NewLine = "\n" };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var header in new[] { "periode_debut", "periode_fin", "indicateur", "categorie", "valeur", "effectif", "secret_statistique" }) csv.WriteField(header);
            csv.NextRecord();
            var from = ReportFilterForm.Format(DateOnly.FromDateTime(Coaching.Core.Time.ParisTime.ToParis(report.Filter.From).DateTime));
            var to = ReportFilterForm.Format(DateOnly.FromDateTime(Coaching.Core.Time.ParisTime.ToParis(report.Filter.To).DateTime).AddDays(-1));
            foreach (var line in Lines(report, withAdvisors: false))
            {
                var secret = line.Hidden;
                csv.WriteField(from);
                csv.WriteField(to);
                csv.WriteField(CsvCell.Safe(line.Code));
                csv.WriteField(CsvCell.Safe(line.CategoryCode));
                csv.WriteField(secret || line.RawValue is not { } value ? "" : Math.Round(value, 2).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(secret ? "" : line.N.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(secret ? "oui" : "non");
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Pdf(ClubReport report, string clubName, IReadOnlyList<(string Label, string Value)> filters, string author, DateTimeOffset now)
    {
        var blocks = new List<Block>
        {
            new Heading("Rapport d'activité du club"),
            new Paragraph($"{clubName} – accompagnement numérique des commerces de proximité.", TextTone.Muted),
            new Facts(filters),
            new Paragraph($"Chaque chiffre indique sa population (n). Les cases de moins de {SmallCells.Threshold} commerçants sont masquées (« {SmallCells.HiddenText} ») pour qu'aucun commerçant ne puisse être reconnu.", TextTone.Muted, 9),
        };
        var sections = Lines(report, withAdvisors: true).GroupBy(l => l.Section).ToList();
        var charts = new Dictionary<string, ChartData[]>
        {
            ["Commerçants accompagnés"] = [ReportCharts.Departments(report), ReportCharts.Sectors(report)],
            ["Séances"] = [ReportCharts.HoursByMode(report)],
            ["Progression de la maturité"] = [ReportCharts.Scores(report), ReportCharts.Levels(report), ReportCharts.Practices(report)],
            ["Évolution mensuelle"] = [ReportCharts.Trend(report)],
        };
        foreach (var section in sections)
        {
            blocks.Add(new Heading(section.Key, 2));
            foreach (var chart in charts.GetValueOrDefault(section.Key) ?? [])
            {
                blocks.Add(new Heading(chart.Title, 3));
                blocks.Add(PdfChartRenderer.Block(chart));
            }
            blocks.Add(new Table(
                [new TableColumn("Indicateur", 5), new TableColumn("Catégorie", 3), new TableColumn("Valeur", 1.4, CellAlign.Right), new TableColumn("n", 1.2, CellAlign.Right)],
                section.Select(l => (IReadOnlyList<string>)[l.Indicator, l.Category, l.Value, l.Population]).ToList()));
        }
        var composer = new PdfComposer(new DocumentInfo("Rapport d'activité du club", author, clubName), clubName, "Rapport d'activité – données agrégées", now);
        return composer.Render(blocks);
    }
}
