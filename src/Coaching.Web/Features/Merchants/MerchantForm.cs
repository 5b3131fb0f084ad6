using Coaching.Core.Merchants;

namespace Coaching.Web.Features.Merchants;

/// <summary>What the case-file form posts; strings keep exactly what the user typed when it has to be shown again.</summary>
public sealed class MerchantForm
{
    public string? BusinessName { get; set; }
    public string? Siret { get; set; }
    public string? NafCode { get; set; }
    public string? AddressLine { get; set; }
    public string? Postcode { get; set; }
    public string? CommuneName { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? EmployeeBand { get; set; }
    public string? ManagerAgeBand { get; set; }
    public List<Channels> Channels { get; set; } = [];
    public bool ConsentGiven { get; set; }
    public string? Status { get; set; }
    public string? AssignedAdvisorId { get; set; }

    /// <summary>The version of the case file the form was loaded from (concurrency check).</summary>
    public string? Version { get; set; }

    public static MerchantForm From(Merchant m, string version) => new()
    {
        BusinessName = m.BusinessName,
        Siret = m.Siret,
        NafCode = m.NafCode,
        AddressLine = m.AddressLine,
        Postcode = m.Postcode,
        CommuneName = m.CommuneName,
        ContactName = m.ContactName,
        Email = m.Email,
        Phone = m.Phone,
        EmployeeBand = m.EmployeeBand.ToString(),
        ManagerAgeBand = m.ManagerAgeBand.ToString(),
        Channels = m.Channels.Each().ToList(),
        ConsentGiven = m.ConsentGivenAt is not null,
        Status = m.Status.ToString(),
        AssignedAdvisorId = m.AssignedAdvisorId,
        Version = version,
    };
}
