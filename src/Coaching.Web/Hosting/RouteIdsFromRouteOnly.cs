using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Coaching.Web.Hosting;

/// <summary>
/// An action parameter named like a parameter of its route template (<c>id</c>, <c>merchantId</c>, <c>itemId</c>…) is
/// bound from the route only, as if it carried <c>[FromRoute]</c>. Without it, MVC's value providers read the form
/// body first and the query string last, so a body <c>id=1</c> posted to <c>/dossiers/57/modifier</c> would change
/// file 1 while the URL, the authorization and <see cref="AuditedAttribute"/> speak of file 57.
/// </summary>
public sealed class RouteIdsFromRouteOnly : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        var names = RouteParameters(action.Controller.Selectors).Concat(RouteParameters(action.Selectors))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters)
        {
            if (!names.Contains(parameter.ParameterName)) continue;
            var source = parameter.BindingInfo?.BindingSource;
            if (source is not null && source != BindingSource.ModelBinding && source != BindingSource.Path) continue; // [FromServices]…
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }

    private static IEnumerable<string> RouteParameters(IEnumerable<SelectorModel> selectors) =>
        selectors.Select(s => s.AttributeRouteModel?.Template).OfType<string>()
            .SelectMany(template => RoutePatternFactory.Parse(template.TrimStart('~')).Parameters.Select(p => p.Name));
}
