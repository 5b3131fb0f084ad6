using System.Globalization;
using Coaching.Core.Diagnostics.Radar;
using Coaching.Core.Documents;
using Coaching.Core.Plans;
using Coaching.Core.Sessions;
using Coaching.Core.Time;

namespace Coaching.Core.Roadmaps;

/// <summary>
/// The merchant's roadmap (feuille de route), declared as <see cref="Block"/>s: a cover, a plain-French summary, the radar
/// of the first and latest diagnostics with a table per axis, the action plan, the sessions held, the next appointment
/// and the advisor's contact. Whatever is missing (no diagnostic, empty plan, no logo) gets a placeholder; it never throws
/// on odd text, which <see cref="SafeText"/> cleans.
/// </summary>
public static partial class RoadmapDocument
{
    public const string Kicker = "Feuille de route numérique";
    public const int PriorityCount = 3;
    public const int MaxNotesLength = 400;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static RenderedDocument Render(RoadmapData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var composer = new PdfComposer(Info(data),
            $"{data.Club.Name} · {Kicker} · {data.Merchant.BusinessName}",
            $"Émise le {LongDate(data.IssuedAt)}",
            data.IssuedAt);
        return composer.Compose(Blocks(data));
    }

    public static DocumentInfo Info(RoadmapData data) => new(
        $"{Kicker} – {SafeText.Clean(data.Merchant.BusinessName)}",
        SafeText.Clean(data.Advisor?.Name ?? data.Club.Name),
        $"Accompagnement numérique – {SafeText.Clean(data.Club.Name)}");

    public static IReadOnlyList<Block> Blocks(RoadmapData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var blocks = new List<Block>
        {
            new Cover(data.Club.Name, data.Club.Logo, Kicker, data.Merchant.BusinessName, $"Émise le {LongDate(data.IssuedAt)}",
            CoverFacts(data)),
            Summary(data),
            new Heading("Votre accompagnement en un coup d'œil", 3),
            new Facts(AtAGlance(data)),
        };
        blocks.Add(new PageBreak());
        blocks.AddRange(LevelSection(data));
        blocks.AddRange(PlanSection(data));
        blocks.AddRange(SessionsSection(data));
        blocks.AddRange(ContactSection(data));
        return blocks;
    }

    /// <summary>The cover's facts; an empty field is left out rather than printed as a placeholder.</summary>
    private static IReadOnlyList<(string, string)> CoverFacts(RoadmapData data)
    {
        var facts = new List<(string, string)> { ("Commerce", data.Merchant.BusinessName) };
        if (!string.IsNullOrWhiteSpace(data.Merchant.ContactName)) facts.Add(("Contact", data.Merchant.ContactName));
        if (!string.IsNullOrWhiteSpace(data.Merchant.Address)) facts.Add(("Adresse", data.Merchant.Address));
        facts.Add(("Conseiller", data.Advisor?.Name ?? "Attribué prochainement par le club"));
        facts.Add(("Accompagné par", data.Club.Name));
        return facts;
    }

    private static Callout Summary(RoadmapData data)
    {
        var lines = new List<string>();
        if (data.LatestDiagnostic is { } latest)
        {
            lines.Add($"Niveau numérique : {latest.LevelName ?? "non déterminé"} – {Score(latest.Overall)} / 100 au diagnostic du {LongDate(latest.CompletedAt)}.");
            if (data.FirstDiagnostic is { } first && first.CompletedAt < latest.CompletedAt && first.Overall is { } from && latest.Overall is { } to)
            {
                var change = Math.Round(to, MidpointRounding.AwayFromZero) - Math.Round(from, MidpointRounding.AwayFromZero);
                lines.Add(change switch
                {
                    > 0 => $"C'est {Points(change)} de plus qu'au premier diagnostic du {LongDate(first.CompletedAt)}.",
                    < 0 => $"C'est {Points(-change)} de moins qu'au premier diagnostic du {LongDate(first.CompletedAt)}.",
                    _ => $"Le score est stable depuis le premier diagnostic du {LongDate(first.CompletedAt)}.",
                });
            }
            if (!string.IsNullOrWhiteSpace(latest.LevelDescription)) lines.Add(latest.LevelDescription.Trim());
        }
        else
        {
            lines.Add("Niveau numérique : pas encore mesuré. Il sera établi lors du premier diagnostic avec votre conseiller.");
        }

        lines.Add("");
        var priorities = Priorities(data);
        if (priorities.Count == 0)
        {
            lines.Add("Vos priorités seront fixées avec votre conseiller lors de la prochaine séance.");
        }
        else
        {
            lines.Add(priorities.Count == 1 ? "Votre priorité :" : priorities.Count == PriorityCount ? "Vos trois priorités :" : "Vos priorités :");
            lines.AddRange(priorities.Select((p, i) => $"{i + 1}. {p}"));
        }
        return new Callout("En bref", string.Join('\n', lines));
    }

    private static List<(string, string)> AtAGlance(RoadmapData data)
    {
        var done = data.Actions.Count(a => a.Status == PlanItemStatus.Done);
        var open = data.Actions.Count(a => a.IsOpen);
        var held = data.Sessions.Count(s => s.StartsAt <= data.IssuedAt);
        return
        [
            ("Diagnostics", data.LatestDiagnostic is null ? "Aucun pour l'instant"
                : data.FirstDiagnostic is { } first && first.CompletedAt < data.LatestDiagnostic.CompletedAt
                    ? $"Premier le {ShortDate(first.CompletedAt)}, dernier le {ShortDate(data.LatestDiagnostic.CompletedAt)}"
                    : $"Le {ShortDate(data.LatestDiagnostic.CompletedAt)}"),
            ("Plan d'action", data.Actions.Count == 0 ? "À construire avec votre conseiller" : $"{Count(done, "action faite", "actions faites")} sur {data.Actions.Count}, {open} à faire ou en cours"),
            ("Séances tenues", held == 0 ? "Aucune pour l'instant" : Count(held, "séance")),
            ("Prochain rendez-vous", data.NextAppointment is { } next ? Appointment(next) : "À fixer avec votre conseiller"),
        ];
    }

    private static string Appointment(RoadmapAppointment next) =>
        $"{Capitalise(next.At.ToParis().ToString("dddd d MMMM yyyy 'à' HH'h'mm", French))} – {next.Mode.Label()}";

    /// <summary>The first open actions of the plan; without any, the weakest axes of the latest diagnostic.</summary>
    public static IReadOnlyList<string> Priorities(RoadmapData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var open = data.Actions.Where(a => a.IsOpen).OrderBy(a => a.Position).Take(PriorityCount)
            .Select(a => a.DueDate is { } due ? $"{Clip(a.Title, 160)} (échéance le {ShortDate(due)})" : Clip(a.Title, 160))
            .ToList();
        if (open.Count > 0) return open;
        return (data.LatestDiagnostic?.Axes ?? []).Where(a => a.Score is not null).OrderBy(a => a.Score).Take(PriorityCount)
            .Select(a => $"Progresser sur « {a.Title} » ({Score(a.Score)} / 100)")
            .ToList();
    }

    private static IEnumerable<Block> LevelSection(RoadmapData data)
    {
        yield return new Heading("1. Votre niveau numérique");
        if (data.LatestDiagnostic is not { } latest)
        {
            yield return new Callout("Aucun diagnostic terminé",
                "Le radar et les scores par axe apparaîtront ici après votre premier diagnostic avec votre conseiller. " +
                "Vous pouvez déjà remplir votre auto-évaluation depuis votre espace commerçant.", CalloutTone.Placeholder);
            yield break;
        }

        var first = data.FirstDiagnostic is { } f && f.CompletedAt < latest.CompletedAt ? f : null;
        var axes = AxisRows(latest, first);
        yield return new Paragraph(first is null
            ? $"Scores sur 100 de votre diagnostic du {LongDate(latest.CompletedAt)}, axe par axe."
            : $"Scores sur 100 de votre premier diagnostic ({LongDate(first.CompletedAt)}) et du dernier ({LongDate(latest.CompletedAt)}), axe par axe.",
            TextTone.Muted);

        if (axes.Count >= 3)
        {
            var series = new List<RadarSeries> { new($"Dernier diagnostic ({ShortDate(latest.CompletedAt)})", axes.Select(a => a.Latest).ToList()) };
            if (first is not null) series.Add(new RadarSeries($"Premier diagnostic ({ShortDate(first.CompletedAt)})", axes.Select(a => a.First).ToList()));
            var layout = RadarGeometry.Compute(axes.Select(a => SafeText.Clean(a.Title)).ToList(), series);
            yield return new Drawing(300, (g, box) => PdfRadarRenderer.Draw(g, box, layout));
        }
        else
        {
            yield return new Callout("Radar indisponible", "Le radar demande au moins trois axes : les scores figurent dans le tableau ci-dessous.", CalloutTone.Placeholder);
        }

        var columns = new List<TableColumn> { new("Axe", 4) };
        if (first is not null) columns.Add(new TableColumn("Premier diagnostic", 1.7, CellAlign.Right));
        columns.Add(new TableColumn(first is null ? "Score" : "Dernier diagnostic", 1.7, CellAlign.Right));
        columns.Add(new TableColumn("Niveau", 2.2));
        if (first is not null) columns.Add(new TableColumn("Évolution", 1.5, CellAlign.Right));
        var rows = axes.Select(a =>
        {
            var row = new List<string> { a.Title };
            if (first is not null) row.Add(Score(a.First));
            row.Add(Score(a.Latest));
            row.Add(LevelOf(data.Levels, a.Latest) ?? "–");
            if (first is not null) row.Add(Change(a.First, a.Latest));
            return (IReadOnlyList<string>)row;
        }).ToList();
        var overall = new List<string> { "Score global" };
        if (first is not null) overall.Add(Score(first.Overall));
        overall.Add(Score(latest.Overall));
        overall.Add(latest.LevelName ?? LevelOf(data.Levels, latest.Overall) ?? "–");
        if (first is not null) overall.Add(Change(first.Overall, latest.Overall));
        rows.Add(overall);
        yield return new Spacer(4);
        yield return new Table(columns, rows, "Ce diagnostic n'a aucun axe noté.");
    }

    private sealed record AxisLine(string Title, double? First, double? Latest);

    private static List<AxisLine> AxisRows(RoadmapDiagnostic latest, RoadmapDiagnostic? first)
    {
        var rows = latest.Axes.Select(a => new AxisLine(a.Title, first?.Axes.FirstOrDefault(f => f.Code == a.Code)?.Score, a.Score)).ToList();
        if (first is not null)
            rows.AddRange(first.Axes.Where(f => latest.Axes.All(l => l.Code != f.Code)).Select(f => new AxisLine(f.Title, f.Score, null)));
        return rows;
    }

    private static IEnumerable<Block> PlanSection(RoadmapData data)
    {
        var heading = new Heading("2. Votre plan d'action");
        var actions = data.Actions.OrderBy(a => a.Position).ToList();
        if (actions.Count == 0)
        {
            yield return heading;
            yield return new Callout("Plan d'action à construire",
                "Aucune action n'est encore inscrite à votre plan. Votre conseiller les définira avec vous à partir du diagnostic.",
                CalloutTone.Placeholder);
            yield break;
        }
        var done = actions.Count(a => a.Status == PlanItemStatus.Done);
        var today = DateOnly.FromDateTime(data.IssuedAt.ToParis().DateTime);
        var overdue = actions.Count(a => a.IsOpen && a.DueDate < today);
        var intro = new Paragraph(
            $"{Count(actions.Count, "action")} au plan, {Count(done, "faite", "faites")}{(overdue > 0 ? $", {overdue} en retard" : "")}. " +
            "Les actions sont classées par priorité ; cochez-les au fur et à mesure dans votre espace commerçant.", TextTone.Muted);
        var table = new Table(
            [
                new("N°", 0.6, CellAlign.Right), new("Action", 4.5), new("Axe", 2.1), new("Porteur", 1.7),
                new("Échéance", 1.9), new("Statut", 1.4),
            ],
            actions.Select(a => (IReadOnlyList<string>)
            [
                a.Position.ToString(French),
                string.IsNullOrWhiteSpace(a.Notes) ? a.Title : $"{a.Title}\nSuivi : {Clip(a.Notes.Trim(), MaxNotesLength)}",
                a.AxisTitle ?? "",
                a.Owner.Label(),
                a.DueDate is { } due ? ShortDate(due) : "À fixer ensemble",
                a.IsOpen && a.DueDate < today ? a.Status.Label() + " (en retard)" : a.Status.Label(),
            ]).ToList());
        // The heading, its introduction and the first rows stay together (no table starting with one row at a page's foot).
        yield return new KeepTogether([heading, intro, table]);
    }

    private static IEnumerable<Block> SessionsSection(RoadmapData data)
    {
        var held = data.Sessions.Where(s => s.StartsAt <= data.IssuedAt).OrderBy(s => s.StartsAt).ToList();
        yield return new KeepTogether([
            new Heading("3. Séances d'accompagnement"),
            new Table(
                [new("Date", 2), new("Format", 1.6), new("Durée", 1), new("Prochaine étape convenue", 4.6)],
                held.Select(s => (IReadOnlyList<string>)
                [
                    ShortDate(s.StartsAt), s.Mode.Label(), SessionLabels.Duration(s.DurationMinutes),
                    string.IsNullOrWhiteSpace(s.NextStep) ? "" : Clip(s.NextStep.Trim(), 600),
                ]).ToList(),
                "Aucune séance n'a encore eu lieu."),
        ]);
    }

    private static IEnumerable<Block> ContactSection(RoadmapData data)
    {
        yield return new Heading("4. Prochain rendez-vous et contact");
        var facts = new List<(string, string)>
        {
            ("Prochain rendez-vous", data.NextAppointment is { } next ? Appointment(next) : "À fixer avec votre conseiller"),
            ("Votre conseiller", data.Advisor?.Name ?? "Pas encore attribué : le club vous en attribuera un prochainement"),
        };
        if (data.Advisor?.Email is { Length: > 0 } email) facts.Add(("E-mail", email));
        if (data.Advisor?.Phone is { Length: > 0 } phone) facts.Add(("Téléphone", phone));
        var club = string.Join(" · ", new[] { data.Club.Email, data.Club.Phone, data.Club.Website }.Where(x => !string.IsNullOrWhiteSpace(x)));
        facts.Add(("Votre club", data.Club.Name));
        facts.Add(("Pour le joindre", club.Length > 0 ? club : "Coordonnées à demander à votre conseiller"));
        yield return new Facts(facts);
        yield return new Paragraph("Ce document reprend l'état de votre accompagnement à sa date d'émission. " +
            "Votre espace commerçant montre toujours le plan à jour et garde chaque version émise.", TextTone.Muted, 8.5);
    }
}
