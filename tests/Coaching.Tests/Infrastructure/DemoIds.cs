using System.Globalization;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Web.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Infrastructure;

/// <summary>Ids of the seeded demo data, read from the database, named after their role in the access rules.</summary>
public sealed record DemoIds(
    int MerchantA,
    int MerchantB,
    int MerchantOfAdvisorA,
    int MerchantOfAdvisorB,
    int UnassignedInAdvisorADepartments,
    int UnassignedInAdvisorBDepartments,
    int UnknownMerchant,
    string AdvisorAUserId,
    string AdvisorBUserId,
    string MerchantAUserId,
    string MerchantBUserId,
    string ManagerUserId,
    string AdminUserId)
{
    /// <summary>
    /// What URL templates may contain, e.g. "/dossiers/{merchantOfAdvisorB}". Merchant A's file is assigned to advisor A
    /// and merchant B's to advisor B, but {merchantOfAdvisorA} and {merchantOfAdvisorB} are other merchants (no account).
    /// </summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["merchantA"] = Text(MerchantA),
        ["merchantB"] = Text(MerchantB),
        ["merchantOfAdvisorA"] = Text(MerchantOfAdvisorA),
        ["merchantOfAdvisorB"] = Text(MerchantOfAdvisorB),
        ["unassignedOfAdvisorA"] = Text(UnassignedInAdvisorADepartments),
        ["unassignedOfAdvisorB"] = Text(UnassignedInAdvisorBDepartments),
        ["unknownMerchant"] = Text(UnknownMerchant),
        ["advisorA"] = AdvisorAUserId,
        ["advisorB"] = AdvisorBUserId,
        ["merchantAUser"] = MerchantAUserId,
        ["merchantBUser"] = MerchantBUserId,
        ["manager"] = ManagerUserId,
        ["admin"] = AdminUserId,
    };

    /// <summary>Replaces every {placeholder} of a URL template or form body; an unknown one throws, naming the known ones.</summary>
    public string Resolve(string template)
    {
        var result = template;
        foreach (var (name, value) in Placeholders)
            result = result.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        var start = result.IndexOf('{', StringComparison.Ordinal);
        if (start >= 0)
            throw new ArgumentException($"Unknown placeholder in '{template}'. Known: {string.Join(", ", Placeholders.Keys.Select(k => "{" + k + "}"))}.");
        return result;
    }

    public static async Task<DemoIds> LoadAsync(CoachingDbContext db)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email!.EndsWith("@demo.local"))
            .ToDictionaryAsync(u => u.Email!, u => u);
        if (users.Count < DemoAccounts.All.Count)
            throw new InvalidOperationException("The demo accounts are missing: was the demo club seeded?");

        var advisorA = users[DemoAccounts.AdvisorA.Email];
        var advisorB = users[DemoAccounts.AdvisorB.Email];
        var merchantA = users[DemoAccounts.MerchantA.Email].MerchantId ?? throw new InvalidOperationException("Merchant A has no case file.");
        var merchantB = users[DemoAccounts.MerchantB.Email].MerchantId ?? throw new InvalidOperationException("Merchant B has no case file.");
        var merchants = await db.Merchants.AsNoTracking()
            .Select(m => new { m.Id, m.AssignedAdvisorId, m.DepartmentCode })
            .OrderBy(m => m.Id)
            .ToListAsync();

        int First(string what, Func<int, string?, string, bool> predicate) =>
            merchants.FirstOrDefault(m => m.Id != merchantA && m.Id != merchantB && predicate(m.Id, m.AssignedAdvisorId, m.DepartmentCode))?.Id
            ?? throw new InvalidOperationException($"The demo data has no {what}.");

        return new DemoIds(
            MerchantA: merchantA,
            MerchantB: merchantB,
            MerchantOfAdvisorA: First("merchant assigned to advisor A", (_, advisor, _) => advisor == advisorA.Id),
            MerchantOfAdvisorB: First("merchant assigned to advisor B", (_, advisor, _) => advisor == advisorB.Id),
            UnassignedInAdvisorADepartments: First("unassigned merchant in advisor A's departments",
                (_, advisor, department) => advisor is null && advisorA.Departments.Contains(department) && !advisorB.Departments.Contains(department)),
            UnassignedInAdvisorBDepartments: First("unassigned merchant in advisor B's departments",
                (_, advisor, department) => advisor is null && advisorB.Departments.Contains(department) && !advisorA.Departments.Contains(department)),
            UnknownMerchant: merchants.Max(m => m.Id) + 100_000,
            AdvisorAUserId: advisorA.Id,
            AdvisorBUserId: advisorB.Id,
            MerchantAUserId: users[DemoAccounts.MerchantA.Email].Id,
            MerchantBUserId: users[DemoAccounts.MerchantB.Email].Id,
            ManagerUserId: users[DemoAccounts.Manager.Email].Id,
            AdminUserId: users[DemoAccounts.Admin.Email].Id);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
