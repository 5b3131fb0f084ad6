using System.IO.Compression;
using Coaching.Core.Plans;
using Coaching.Core.Roadmaps;
using Coaching.Core.Sessions;

namespace Coaching.Tests.Core.Documents;

/// <summary>
/// Roadmap data for tests and benchmarks (the benchmark project links this file): a typical coached merchant, a stress
/// plan of any length, and a merchant with nothing yet. Deterministic: same input, same data.
/// </summary>
public static class RoadmapSamples
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    private static readonly string[] Axes = ["Présence en ligne", "Relation client", "Vente en ligne", "Outils et sécurité", "Pilotage par les données"];
    private static readonly string[] AxisCodes = ["visibility", "customers", "selling", "tools", "data"];

    private static readonly string[] Titles =
    [
        "Créer et compléter la fiche d'établissement Google", "Recueillir les e-mails des clients avec leur consentement",
        "Ouvrir le click & collect sur la place de marché locale", "Répondre à tous les avis clients sous 48 h",
        "Publier deux fois par semaine sur les réseaux sociaux", "Accepter le paiement sans contact et en ligne",
        "Sauvegarder la caisse et les fichiers chaque semaine", "Rejoindre la place de marché de la ville",
        "Adopter un gestionnaire de mots de passe", "Suivre trois indicateurs chaque mois (CA, panier, fréquentation)",
        "Envoyer une lettre d'information avant chaque temps fort", "Photographier la vitrine et les produits phares",
    ];

    public static RoadmapData Typical(byte[]? logo = null) => Build(12, 5, logo ?? Logo());

    /// <summary>A plan of <paramref name="actions"/> actions with progress notes, e.g. 60 for a page break, 1,000 for about 100 pages.</summary>
    public static RoadmapData Plan(int actions, int sessions = 5, byte[]? logo = null) => Build(actions, sessions, logo ?? Logo());

    /// <summary>No diagnostic, no plan, no session, no appointment, no advisor, no logo.</summary>
    public static RoadmapData Empty() => new(
        new RoadmapClub("Club du commerce connecté", null, null, null, null),
        new RoadmapMerchant("Épicerie Lœwy & Fils", "Zoé Lœwy", "3 place de l'Église, 24000 Périgueux"),
        null, IssuedAt, null, null, [], [], [], null);

    public static IReadOnlyList<RoadmapLevel> Levels { get; } =
    [
        new("Débutant", 0, 25), new("Intermédiaire", 26, 50), new("Avancé", 51, 75), new("Expert", 76, 100),
    ];

    private static RoadmapData Build(int actionCount, int sessionCount, byte[]? logo)
    {
        var first = new RoadmapDiagnostic(IssuedAt.AddDays(-240), 31, "Intermédiaire", "Les bases sont là ; il reste à les faire vivre.",
            Axes.Select((t, i) => new RoadmapAxisScore(AxisCodes[i], t, new[] { 40.0, 22, 10, 55, 28 }[i])).ToList());
        var latest = new RoadmapDiagnostic(IssuedAt.AddDays(-20), 52, "Avancé", "Votre commerce tire déjà parti du numérique ; consolidez et mesurez.",
            Axes.Select((t, i) => new RoadmapAxisScore(AxisCodes[i], t, new[] { 71.0, 48, 35, 68, 38 }[i])).ToList());
        var statuses = new[] { PlanItemStatus.Done, PlanItemStatus.InProgress, PlanItemStatus.ToDo, PlanItemStatus.ToDo, PlanItemStatus.Done, PlanItemStatus.Dropped };
        var actions = Enumerable.Range(1, actionCount).Select(i => new RoadmapAction(
            i,
            actionCount > Titles.Length ? $"{Titles[(i - 1) % Titles.Length]} (étape {i})" : Titles[i - 1],
            Axes[(i - 1) % Axes.Length],
            (PlanItemOwner)(i % 3),
            i % 4 == 0 ? null : DateOnly.FromDateTime(IssuedAt.UtcDateTime).AddDays(-30 + i * 9),
            statuses[(i - 1) % statuses.Length],
            i % 3 == 0 ? "Point fait en boutique : 23 clients inscrits, budget de 1\u00a0250\u00a0€ validé ; à revoir ensemble « après les fêtes »." : null)).ToList();
        var sessions = Enumerable.Range(0, sessionCount).Select(i => new RoadmapSession(
            IssuedAt.AddDays(-200 + i * 35).AddHours(5), (SessionMode)(i % 4), 60 + i % 3 * 30,
            "Publier deux photos par semaine et vérifier les statistiques de la fiche dans un mois.")).ToList();
        return new RoadmapData(
            new RoadmapClub("Club du commerce connecté de Nouvelle-Aquitaine", logo, "contact@club-commerce.fr", "05 56 00 00 00", "https://club-commerce.fr"),
            new RoadmapMerchant("Boulangerie Mathieu – Cœur de Bordeaux", "Élise Mathieu", "12 rue Sainte-Catherine, 33000 Bordeaux"),
            new RoadmapAdvisor("Camille Conseiller", "conseiller@demo.local", "06 12 34 56 78"),
            IssuedAt, first, latest, Levels, actions, sessions,
            new RoadmapAppointment(IssuedAt.AddDays(12).AddHours(4), SessionMode.InShop));
    }

    /// <summary>A small PNG logo (two colour bands), written without any imaging library.</summary>
    public static byte[] Logo(int width = 160, int height = 60)
    {
        var raw = new byte[height * (width * 3 + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 3 + 1);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = x < height ? ((byte)0x1F, (byte)0x3A, (byte)0x5F) : y < height / 2 ? ((byte)0xF5, (byte)0x9E, (byte)0x0B) : ((byte)0x10, (byte)0xB9, (byte)0x81);
                raw[row + 1 + x * 3] = r;
                raw[row + 2 + x * 3] = g;
                raw[row + 3 + x * 3] = b;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        stream.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typed));
        stream.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
