using Coaching.Web.French;

namespace Coaching.Tests.French;

/// <summary>
/// The page rewriter typesets visible text only: markup, attribute values (URLs, input values), script, textarea and
/// an option's text that the form sends come out byte for byte.
/// </summary>
public sealed class FrenchHtmlTests
{
    [Theory]
    [InlineData("<input name=\"q\" value=\"Statut: l'action ?\">")]
    [InlineData("<a href=\"/rapports?From=2026-01-01&amp;To=2026-06-15\">Rapports</a>")]
    [InlineData("<textarea name=\"n\">l'avis : à revoir !</textarea>")]
    [InlineData("<select name=\"s\"><option>l'atelier : vitrine</option></select>")]
    [InlineData("<script>var a = b ? 'c' : 'd';</script>")]
    [InlineData("<style>a:hover{color:red}</style>")]
    [InlineData("<!-- note : l'ancien en-tête ? -->")]
    [InlineData("<p>Séance à <time datetime=\"14:30\">14:30</time></p>")]
    [InlineData("<p>Séance à 14:30, lien https://exemple.fr/page?a=1</p>")]
    [InlineData("<div title=\"a > b : c\" data-x='l&#39;un'>texte</div>")]
    public void Leaves_what_is_not_prose_alone(string html) => Assert.Equal(html, FrenchHtml.Apply(html));

    [Theory]
    [InlineData("<p>Mot de passe oublié ?</p>", "<p>Mot de passe oublié\u202F?</p>")]
    [InlineData("<dt><b>Statut</b>: actif</dt>", "<dt><b>Statut</b>\u00A0: actif</dt>")]
    [InlineData("<p>l&#x27;action de A &amp; B ?</p>", "<p>l’action de A &amp; B\u202F?</p>")]
    [InlineData("<a href=\"/x?y=1\">Voir l'aide ?</a>", "<a href=\"/x?y=1\">Voir l’aide\u202F?</a>")]
    [InlineData("<select><option value=\"1\">l'atelier</option></select>", "<select><option value=\"1\">l’atelier</option></select>")]
    public void Typesets_visible_text(string html, string expected) => Assert.Equal(expected, FrenchHtml.Apply(html));
}
