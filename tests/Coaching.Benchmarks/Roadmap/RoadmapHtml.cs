using System.Net;
using System.Text;
using Coaching.Core.Diagnostics.Radar;
using Coaching.Core.Plans;
using Coaching.Core.Roadmaps;
using Coaching.Core.Sessions;

namespace Coaching.Benchmarks.Roadmap;

/// <summary>
/// The same roadmap as an HTML page (SVG radar, tables with a repeated header when printed), to compare the PDF
/// generator with printing HTML through headless Chromium.
/// </summary>
public static class RoadmapHtml
{
    private const string Css = """
        @page { size: A4; margin: 17mm 17mm 20mm; }
        body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1b1f24; }
        .band { background: #1f3a5f; color: #fff; padding: 24px; margin: -4px -4px 16px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .band img { background: #fff; padding: 8px; border-radius: 8px; height: 42px; }
        h1 { font-size: 22pt; margin: 8px 0; } h2 { color: #1f3a5f; font-size: 14pt; margin-top: 18px; }
        .callout { background: #e8eef5; border-left: 3px solid #1f3a5f; padding: 8px 12px; white-space: pre-line; }
        table { width: 100%; border-collapse: collapse; font-size: 8.5pt; } thead { display: table-header-group; }
        th { background: #e8eef5; text-align: left; } th, td { padding: 4px; border-bottom: 0.5pt solid #c9d1da; vertical-align: top; }
        tr { break-inside: avoid; } .num { text-align: right; } .radar { width: 80%; display: block; margin: auto; }
        dl { display: grid; grid-template-columns: 150px 1fr; } dt { font-weight: bold; color: #555e68; }
        """;

    public static string Render(RoadmapData data)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(RoadmapDocument.Info(data).Title)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<div class=\"band\">");
        if (data.Club.Logo is { } logo) html.Append("<img alt=\"\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(logo)).Append("\">");
        html.Append("<p>").Append(E(data.Club.Name)).Append("</p><p>FEUILLE DE ROUTE NUMÉRIQUE</p><h1>").Append(E(data.Merchant.BusinessName))
            .Append("</h1><p>Émise le ").Append(RoadmapDocument.LongDate(data.IssuedAt)).Append("</p></div>");
        html.Append("<dl><dt>Contact</dt><dd>").Append(E(data.Merchant.ContactName)).Append("</dd><dt>Adresse</dt><dd>").Append(E(data.Merchant.Address))
            .Append("</dd><dt>Conseiller</dt><dd>").Append(E(data.Advisor?.Name ?? "Pas encore attribué")).Append("</dd></dl>");
        html.Append("<div class=\"callout\"><strong>En bref</strong>\n");
        foreach (var (p, i) in RoadmapDocument.Priorities(data).Select((p, i) => (p, i))) html.Append(i + 1).Append(". ").Append(E(p)).Append('\n');
        html.Append("</div>");

        if (data.LatestDiagnostic is { } latest && latest.Axes.Count >= 3)
        {
            html.Append("<h2 style=\"break-before: page\">1. Votre niveau numérique</h2>");
            var series = new List<RadarSeries> { new("Dernier diagnostic", latest.Axes.Select(a => a.Score).ToList()) };
            if (data.FirstDiagnostic is { } first)
                series.Add(new RadarSeries("Premier diagnostic", latest.Axes.Select(a => first.Axes.FirstOrDefault(f => f.Code == a.Code)?.Score).ToList()));
            html.Append(SvgRadarRenderer.Render(RadarGeometry.Compute(latest.Axes.Select(a => a.Title).ToList(), series, 480), "Scores par axe"));
            html.Append("<table><thead><tr><th>Axe</th><th class=\"num\">Score</th><th>Niveau</th></tr></thead><tbody>");
            foreach (var axis in latest.Axes)
                html.Append("<tr><td>").Append(E(axis.Title)).Append("</td><td class=\"num\">").Append(RoadmapDocument.Score(axis.Score))
                    .Append("</td><td>").Append(E(RoadmapDocument.LevelOf(data.Levels, axis.Score) ?? "–")).Append("</td></tr>");
            html.Append("</tbody></table>");
        }

        html.Append("<h2>2. Votre plan d'action</h2><table><thead><tr><th class=\"num\">N°</th><th>Action</th><th>Axe</th><th>Porteur</th><th>Échéance</th><th>Statut</th></tr></thead><tbody>");
        foreach (var a in data.Actions)
        {
            html.Append("<tr><td class=\"num\">").Append(a.Position).Append("</td><td>").Append(E(a.Title));
            if (a.Notes is not null) html.Append("<br>Suivi : ").Append(E(a.Notes));
            html.Append("</td><td>").Append(E(a.AxisTitle ?? "–")).Append("</td><td>").Append(a.Owner.Label()).Append("</td><td>")
                .Append(a.DueDate is { } due ? RoadmapDocument.ShortDate(due) : "À fixer").Append("</td><td>").Append(a.Status.Label()).Append("</td></tr>");
        }
        html.Append("</tbody></table><h2>3. Séances d'accompagnement</h2><table><thead><tr><th>Date</th><th>Format</th><th>Durée</th><th>Prochaine étape</th></tr></thead><tbody>");
        foreach (var s in data.Sessions)
            html.Append("<tr><td>").Append(RoadmapDocument.ShortDate(s.StartsAt)).Append("</td><td>").Append(s.Mode.Label()).Append("</td><td>")
                .Append(SessionLabels.Duration(s.DurationMinutes)).Append("</td><td>").Append(E(s.NextStep ?? "–")).Append("</td></tr>");
        html.Append("</tbody></table><h2>4. Prochain rendez-vous et contact</h2><dl><dt>Conseiller</dt><dd>").Append(E(data.Advisor?.Name ?? "–"))
            .Append("</dd><dt>E-mail</dt><dd>").Append(E(data.Advisor?.Email ?? "–")).Append("</dd></dl></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
