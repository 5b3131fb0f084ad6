using Coaching.Core.ReferenceData;

namespace Coaching.Tests.Support;

/// <summary>Values that tests need fresh each time (a SIRET no other test uses).</summary>
public static class TestData
{
    public static string NewSiret()
    {
        var body = string.Concat(Enumerable.Range(0, 13).Select(_ => Random.Shared.Next(10)));
        return Enumerable.Range(0, 10).Select(d => body + d).First(Siret.PassesLuhn);
    }

    /// <summary>The fields of a valid case-file form, which a test can override.</summary>
    public static (string Name, string Value)[] ValidMerchant(string siret, string name = "Fleurs du Marché", params (string Name, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["BusinessName"] = name,
            ["Siret"] = siret,
            ["NafCode"] = "47.76Z",
            ["AddressLine"] = "12 place du Marché",
            ["Postcode"] = "33000",
            ["CommuneName"] = "Bordeaux",
            ["ContactName"] = "Julie Martin",
            ["Email"] = "julie@fleurs.fr",
            ["Phone"] = "05 56 12 34 56",
            ["EmployeeBand"] = "OneToTwo",
            ["ManagerAgeBand"] = "From46To55",
            ["Status"] = "Coaching",
        };
        foreach (var (key, value) in overrides) fields[key] = value;
        return fields.Select(kv => (kv.Key, kv.Value)).ToArray();
    }
}
