namespace Coaching.Web.Features.Shared;

/// <summary>A fieldset of checkboxes posting the ticked values under one name, with its French error message.</summary>
public sealed record CheckboxListModel(string Name, string Legend, IReadOnlyList<OptionItem> Options, IReadOnlyCollection<string> Selected)
{
    public string Id => Name.Replace('.', '_');
    public string? Hint { get; init; }
    public string? EmptyText { get; init; }
    public bool Required { get; init; }
}
