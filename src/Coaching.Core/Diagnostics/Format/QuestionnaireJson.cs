using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Coaching.Core.Diagnostics.Format;

/// <summary>Reads and writes questionnaire files with System.Text.Json; unknown properties are errors, not silently dropped.</summary>
public static partial class QuestionnaireJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
        IndentSize = 2,
        // Accents stay readable in the exported file; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(QuestionnaireFile file) => JsonSerializer.Serialize(file, Options) + "\n";

    /// <summary>Parses a file; a syntax or type error gives one error with its path and line.</summary>
    public static (QuestionnaireFile? File, IReadOnlyList<FormatError> Errors) Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return (null, [new FormatError("$", "Le fichier est vide.")]);
        try
        {
            var file = JsonSerializer.Deserialize<QuestionnaireFile>(json, Options);
            return file is null
                ? (null, [new FormatError("$", "Le fichier doit contenir un objet JSON, pas « null ».")])
                : (file, []);
        }
        catch (JsonException error)
        {
            return (null, [new FormatError(error.Path ?? "$", Describe(error))]);
        }
    }

    private static string Describe(JsonException error)
    {
        var where = error.LineNumber is { } line
            ? string.Format(CultureInfo.InvariantCulture, " (ligne {0}, colonne {1})", line + 1, (error.BytePositionInLine ?? 0) + 1)
            : "";
        var unknown = UnknownProperty().Match(error.Message);
        if (unknown.Success)
            return $"Propriété inconnue : « {unknown.Groups[1].Value} »{where}. Vérifiez son orthographe dans la description du format.";
        return error.InnerException is not null || error.Message.Contains("invalid", StringComparison.OrdinalIgnoreCase) && error.Message.Contains("start", StringComparison.OrdinalIgnoreCase)
            ? $"Le fichier n'est pas un JSON valide{where}."
            : $"Valeur d'un type inattendu{where} : texte, nombre, booléen, liste ou objet selon la description du format.";
    }

    [GeneratedRegex("property '([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();
}
