using Coaching.Core.Data;
using Coaching.Core.Identity;

namespace Coaching.Core.Actions;

/// <summary>An action of the coaching catalogue; recommendation rules and action plans refer to it by <see cref="Code"/>.</summary>
public class CatalogAction : IVersioned
{
    public const int MinScale = 1;
    public const int MaxScale = 3;
    public const int DescriptionLength = 2000;
    public const int ResourcesLength = 4000;

    public string Code { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>The questionnaire axis the action improves (compared with diagnostics by axis code).</summary>
    public string AxisCode { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>1 = light (an hour or two), 2 = medium (a few half-days), 3 = heavy (weeks, or a budget).</summary>
    public int Effort { get; set; } = 2;

    /// <summary>1 = modest, 2 = clear, 3 = strong expected effect on the business.</summary>
    public int Impact { get; set; } = 2;

    /// <summary>One resource per line: « Libellé | https://adresse » for a link, or plain text.</summary>
    public string Resources { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public AppUser? UpdatedBy { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public IReadOnlyList<ActionResource> ResourceList => ActionResource.Parse(Resources);
}

/// <summary>A useful resource of a catalogue action: a link when <see cref="Url"/> is set, a piece of advice otherwise.</summary>
public sealed record ActionResource(string Label, string? Url)
{
    public static IReadOnlyList<ActionResource> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                var bar = line.LastIndexOf('|');
                if (bar < 0) return IsLink(line) ? new ActionResource(line, line) : new ActionResource(line, null);
                var label = line[..bar].Trim();
                var url = line[(bar + 1)..].Trim();
                return IsLink(url) ? new ActionResource(label.Length > 0 ? label : url, url) : new ActionResource(line, null);
            })
            .ToList();

    public static bool IsLink(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

public static class ActionScaleLabels
{
    public static string EffortLabel(int effort) => effort switch
    {
        1 => "Effort léger",
        2 => "Effort moyen",
        3 => "Effort important",
        _ => $"Effort {effort}",
    };

    public static string ImpactLabel(int impact) => impact switch
    {
        1 => "Impact modeste",
        2 => "Impact net",
        3 => "Impact fort",
        _ => $"Impact {impact}",
    };
}
