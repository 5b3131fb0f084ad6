using System.Globalization;
using System.Text;
using Coaching.Core.Time;

namespace Coaching.Core.Roadmaps;

/// <summary>
/// The file name of a roadmap says whose it is: « feuille-de-route-fleurs-de-l-isle-2026-12-07-n1.pdf » (the merchant's
/// name without accents nor punctuation, the issue date in Paris, the version number).
/// </summary>
public static class RoadmapFileName
{
    public const int MaxSlugLength = 60;

    public static string For(string businessName, DateTimeOffset issuedAt, int number) =>
        $"feuille-de-route-{Slug(businessName)}-{issuedAt.ToParis():yyyy-MM-dd}-n{number.ToString(CultureInfo.InvariantCulture)}.pdf";

    /// <summary>The draft shown before issuing: same name, « brouillon » instead of a number.</summary>
    public static string Draft(string businessName, DateTimeOffset at) =>
        $"feuille-de-route-{Slug(businessName)}-{at.ToParis():yyyy-MM-dd}-brouillon.pdf";

    public static string Slug(string text)
    {
        var decomposed = (text ?? "").Replace("œ", "oe").Replace("Œ", "Oe").Replace("æ", "ae").Replace("Æ", "Ae").Replace("ß", "ss")
            .Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (c is >= 'A' and <= 'Z') slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > MaxSlugLength) result = result[..MaxSlugLength].TrimEnd('-');
        return result.Length == 0 ? "commerce" : result;
    }
}
