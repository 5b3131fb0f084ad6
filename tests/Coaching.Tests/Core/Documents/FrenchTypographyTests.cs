using Coaching.Core.Documents;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Coaching.Tests.Core.Documents;

public sealed class FrenchTypographyTests
{
    private const char Nbsp = '\u00A0';
    private const char Narrow = '\u202F';

    [Theory]
    [InlineData("Mot de passe oublié ?", "Mot de passe oublié\u202F?")]
    [InlineData("Mot de passe oublié?", "Mot de passe oublié\u202F?")]
    [InlineData("Attention !", "Attention\u202F!")]
    [InlineData("un ; deux", "un\u202F; deux")]
    [InlineData("Statut : actif", "Statut\u00A0: actif")]
    [InlineData("Statut: actif", "Statut\u00A0: actif")]
    [InlineData("« Débutant »", "«\u00A0Débutant\u00A0»")]
    [InlineData("«Débutant»", "«\u00A0Débutant\u00A0»")]
    [InlineData("l'action d'aujourd'hui", "l’action d’aujourd’hui")]
    [InlineData("Vraiment ?!", "Vraiment\u202F?!")]
    [InlineData("Séance à 14:30", "Séance à 14:30")]
    [InlineData("Voir https://exemple.fr/page?a=1", "Voir https://exemple.fr/page?a=1")]
    [InlineData("ratio 3:2", "ratio 3:2")]
    [InlineData("mailto:a@b.fr", "mailto:a@b.fr")]
    [InlineData("Statut\u00A0: actif", "Statut\u00A0: actif")]
    [InlineData("", "")]
    public void Applies_french_punctuation_spacing(string input, string expected) =>
        Assert.Equal(expected, FrenchTypography.Apply(input));

    [Fact]
    public void A_piece_of_a_page_gets_its_space_after_the_previous_word() =>
        Assert.Equal("\u00A0: actif", FrenchTypography.Apply(": actif", 't'));

    [Fact]
    public void A_mark_that_starts_a_line_keeps_its_indentation() =>
        Assert.Equal("a\n    : b", FrenchTypography.Apply("a\n    : b"));

    private static Arbitrary<string> Texts() =>
        Gen.Elements("Statut", " ", "  ", ":", ";", "!", "?", "«", "»", "'", "l", "14", "30", "://", "https", "\u00A0",
                "\u202F", "é", "\n", ")", "/", "=", "a")
            .ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Is_idempotent() =>
        Prop.ForAll(Texts(), text =>
        {
            var once = FrenchTypography.Apply(text);
            return FrenchTypography.Apply(once) == once;
        });

    [Property(MaxTest = 500)]
    public Property Never_touches_digits_colon_digits_nor_urls() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 99).ToArbitrary(), (text, n) =>
        {
            var time = $"{n:00}:{(n * 7) % 60:00}";
            var result = FrenchTypography.Apply(text + " " + time + " https://exemple.fr/x?y=1 " + text);
            return result.Contains(time + " https://exemple.fr/x?y=1", StringComparison.Ordinal);
        });

    [Property(MaxTest = 500)]
    public Property Leaves_no_ascii_space_before_a_high_mark() =>
        Prop.ForAll(Texts(), text =>
        {
            var result = FrenchTypography.Apply("mot " + text.Replace("\n", "") + " fin");
            for (var i = 1; i < result.Length; i++)
            {
                if (result[i] is '!' or '?' or ';' or ':' && result[i - 1] == ' ' && !IsMark(result, i - 2)) return false;
            }
            return true;
        });

    private static bool IsMark(string text, int index)
    {
        while (index >= 0 && text[index] is ' ' or '\u00A0' or '\u202F') index--;
        return index < 0 || text[index] is '!' or '?' or ';' or ':';
    }

    [Property(MaxTest = 300)]
    public Property Keeps_every_letter_and_digit() =>
        Prop.ForAll(Texts(), text =>
        {
            var result = FrenchTypography.Apply(text);
            return new string(result.Where(char.IsLetterOrDigit).ToArray()) == new string(text.Where(char.IsLetterOrDigit).ToArray());
        });
}
