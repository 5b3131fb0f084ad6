using Coaching.Core.ReferenceData;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Reference;

/// <summary>Reference data for form hints (communes of a postcode); the server still checks every value.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReferenceController : Controller
{
    [HttpGet("reference/communes")]
    [ResponseCache(Duration = 86400, Location = ResponseCacheLocation.Client)]
    public IActionResult Communes(string? postcode) =>
        Json(FrenchGeography.Instance.CommunesWithPostcode(postcode).Select(c => new { code = c.InseeCode, nom = c.Name, departement = c.DepartmentCode }));
}
