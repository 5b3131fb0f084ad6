using System.Net;
using System.Text;
using Coaching.Core.Documents;

namespace Coaching.Web.French;

/// <summary>
/// Applies <see cref="FrenchTypography"/> to the visible text of every HTML page, once, after the views rendered it:
/// text nodes only — never markup, attribute values (URLs, input values), nor the contents of script, style, pre,
/// textarea, or an option without a value (whose text is what the form sends).
/// </summary>
public static class FrenchTypographyMiddleware
{
    public static IApplicationBuilder UseFrenchTypography(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        var contentType = context.Response.ContentType ?? "";
        if (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            && !context.Response.Headers.ContentEncoding.Any() && buffer.Length > 0)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var bytes = Encoding.UTF8.GetBytes(FrenchHtml.Apply(html));
            context.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes, context.RequestAborted);
            return;
        }
        await buffer.CopyToAsync(original, context.RequestAborted);
    });
}

/// <summary>A small HTML tokenizer that rewrites text nodes with French typography.</summary>
public static class FrenchHtml
{
    private static readonly string[] RawElements = ["script", "style", "pre", "textarea"];

    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "code", "data", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
        "sup", "time", "u", "svg", "use", "path", "img",
    };

    public static string Apply(string html)
    {
        var output = new StringBuilder(html.Length + 256);
        var before = '\0';
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                before = AppendText(output, html.AsSpan(i, textEnd - i), before);
                i = textEnd;
                continue;
            }
            var tagEnd = TagEnd(html, i);
            var tag = html.AsSpan(i, tagEnd - i);
            output.Append(tag);
            i = tagEnd;
            var name = TagName(tag);
            if (name.Length == 0) continue;
            if (!InlineElements.Contains(name.TrimStart('/'))) before = '\0';
            var raw = RawElements.FirstOrDefault(r => r.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? (name.Equals("option", StringComparison.OrdinalIgnoreCase) && !HasAttribute(tag, "value") ? "option" : null);
            if (raw is null) continue;
            var close = html.IndexOf("</" + raw, i, StringComparison.OrdinalIgnoreCase);
            var rawEnd = close < 0 ? html.Length : close;
            output.Append(html.AsSpan(i, rawEnd - i));
            i = rawEnd;
        }
        return output.ToString();
    }

    private static char AppendText(StringBuilder output, ReadOnlySpan<char> raw, char before)
    {
        var text = WebUtility.HtmlDecode(raw.ToString());
        var typeset = FrenchTypography.Apply(text, before);
        if (typeset == text) output.Append(raw);
        else foreach (var c in typeset)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                default: output.Append(c); break;
            }
        }
        var last = typeset.TrimEnd();
        return last.Length == 0 ? (typeset.Length > 0 ? ' ' : before) : typeset.Length > last.Length ? ' ' : last[^1];
    }

    /// <summary>The index just after the tag (or comment, doctype) that starts at <paramref name="start"/>.</summary>
    private static int TagEnd(string html, int start)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        char? quote = null;
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return html.Length;
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        if (tag.Length < 2 || tag[1] == '!') return "";
        var end = 1;
        while (end < tag.Length && (char.IsLetterOrDigit(tag[end]) || tag[end] is '/' or '-')) end++;
        return tag[1..end].ToString();
    }

    private static bool HasAttribute(ReadOnlySpan<char> tag, string attribute) =>
        tag.ToString().Contains(" " + attribute + "=", StringComparison.OrdinalIgnoreCase);
}
