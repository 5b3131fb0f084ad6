namespace Coaching.Web.Features.Shared;

public sealed record FieldModel(string Name, string Label, string? Value, string Type = "text", bool Required = false)
{
    public string Id => Name.Replace('.', '_');
    public string? Hint { get; init; }
    public string? Autocomplete { get; init; }
    public string? InputMode { get; init; }
    public string? List { get; init; }
}

public sealed record OptionItem(string Value, string Text);

public sealed record SelectModel(string Name, string Label, string? Value, IReadOnlyList<OptionItem> Options, bool Required = false)
{
    public string Id => Name.Replace('.', '_');
    public string? EmptyLabel { get; init; }
}
