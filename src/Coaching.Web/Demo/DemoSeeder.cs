using Bogus;
using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Demo;

/// <summary>Fills an empty database with the demo club: its staff, about 60 merchants of Nouvelle-Aquitaine and two merchant accounts.</summary>
public sealed class DemoSeeder(CoachingDbContext db, UserManager<AppUser> users, DiagnosticsDemoSeeder diagnostics, CaseworkDemoSeeder casework, RoadmapDemoSeeder roadmaps, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const int MerchantCount = 60;

    private static readonly (string Naf, string Pattern)[] Trades =
    [
        ("10.71C", "Boulangerie {0}"), ("47.24Z", "Pâtisserie {0}"), ("47.76Z", "Fleurs {0}"), ("56.10A", "Restaurant Le {1}"),
        ("56.30Z", "Café du {1}"), ("47.71Z", "Boutique {0}"), ("47.72A", "Chaussures {0}"), ("47.61Z", "Librairie {0}"),
        ("47.65Z", "Jouets {0}"), ("96.02A", "Salon {0} Coiffure"), ("96.02B", "Institut {0}"), ("47.22Z", "Boucherie {0}"),
        ("47.25Z", "Cave {0}"), ("47.11B", "Épicerie {0}"), ("47.52A", "Quincaillerie {0}"), ("95.23Z", "Cordonnerie {0}"),
        ("47.77Z", "Bijouterie {0}"), ("55.10Z", "Hôtel du {1}"), ("47.64Z", "{0} Sports"), ("47.59B", "Maison {0}"),
    ];

    private static readonly string[] Places = ["Marché", "Port", "Centre", "Pont", "Vieux Bourg", "Château", "Lac", "Moulin"];

    public async Task<bool> SeedIfEmptyAsync()
    {
        if (await db.Merchants.AnyAsync() || await db.Users.AnyAsync()) return false;
        var club = await db.Clubs.OrderBy(c => c.Id).FirstAsync();
        var now = clock.GetUtcNow();

        var accounts = new Dictionary<string, AppUser>();
        foreach (var account in DemoAccounts.All.Where(a => a.Role != Roles.Merchant))
            accounts[account.Email] = await CreateUserAsync(account, club.Id, null, now);

        var merchants = GenerateMerchants(club.Id, accounts[DemoAccounts.AdvisorA.Email], accounts[DemoAccounts.AdvisorB.Email], now);
        db.Merchants.AddRange(merchants);
        await db.SaveChangesAsync();

        await CreateUserAsync(DemoAccounts.MerchantA, club.Id, merchants[0].Id, now);
        await CreateUserAsync(DemoAccounts.MerchantB, club.Id, merchants[1].Id, now);
        logger.LogInformation("Demo club seeded with {Count} merchants", merchants.Count);
        await diagnostics.SeedAsync(merchants[0].Id, merchants[1].Id);
        await casework.SeedAsync();
        await roadmaps.SeedAsync([merchants[0].Id, merchants[1].Id]);
        return true;
    }

    private List<Merchant> GenerateMerchants(int clubId, AppUser advisorA, AppUser advisorB, DateTimeOffset now)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2026) };
        var geography = FrenchGeography.Instance;
        var departments = geography.DepartmentsOf("75").Select(d => d.Code).ToList();
        var communesByDepartment = departments.ToDictionary(
            d => d,
            d => geography.CommunesInDepartment(d).Take(25).ToList());

        var merchants = new List<Merchant>();
        for (var i = 0; i < MerchantCount; i++)
        {
            // The two demo merchants sit in each advisor's patch; the rest spread over the region.
            var department = i switch { 0 => "33", 1 => "64", _ => departments[i % departments.Count] };
            var commune = faker.PickRandom(communesByDepartment[department]);
            var trade = Trades[i % Trades.Length];
            var owner = faker.Name.LastName();
            // The demo merchants' accounts have been coached long enough to show progress between two diagnostics.
            var createdAt = i < 2 ? now.AddDays(-300 + i * 40) : now.AddDays(-faker.Random.Int(20, 900));
            var advisor = advisorA.Departments.Contains(department) ? advisorA : advisorB;
            var status = i < 2 ? CaseStatus.Coaching : faker.PickRandom(CaseStatus.Prospect, CaseStatus.Coaching, CaseStatus.Coaching, CaseStatus.Coaching, CaseStatus.Finished, CaseStatus.Dropped);
            var assigned = i < 2 || (i % 7 != 3 && status != CaseStatus.Prospect);
            var merchant = new Merchant
            {
                ClubId = clubId,
                BusinessName = string.Format(System.Globalization.CultureInfo.InvariantCulture, trade.Pattern, owner, faker.PickRandom(Places)),
                Siret = DemoSiret(faker),
                NafCode = trade.Naf,
                Sector = SectorFamilies.FromNaf(trade.Naf),
                AddressLine = faker.Address.StreetAddress(),
                Postcode = commune.Postcodes[0],
                CommuneCode = commune.InseeCode,
                CommuneName = commune.Name,
                DepartmentCode = commune.DepartmentCode,
                RegionCode = commune.RegionCode,
                ContactName = $"{faker.Name.FirstName()} {owner}",
                Email = $"contact{i + 1}@commerce-demo.fr",
                Phone = FrenchPhone.Normalize("0" + faker.PickRandom("5", "6", "7") + faker.Random.ReplaceNumbers("########")),
                EmployeeBand = faker.PickRandom<EmployeeBand>(),
                ManagerAgeBand = faker.PickRandom(AgeBand.Under30, AgeBand.From30To45, AgeBand.From46To55, AgeBand.From46To55, AgeBand.From56To65, AgeBand.Over65),
                Channels = (Channels)faker.Random.Int(0, 255) & ~Channels.ClickAndCollect,
                ConsentGivenAt = i % 5 == 4 ? null : createdAt,
                ConsentRecordedById = i % 5 == 4 ? null : advisor.Id,
                Status = status,
                AssignedAdvisorId = assigned ? advisor.Id : null,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            merchant.RefreshSearchText();
            if (merchant.ConsentGivenAt is { } consentAt)
                merchant.ConsentHistory.Add(new Coaching.Core.Privacy.ConsentRecord { Given = true, OccurredAt = consentAt, RecordedById = advisor.Id });
            merchant.Events.Add(Timeline.Entry(CaseEventKind.Created, "Dossier créé (données de démonstration).", advisor.Id, createdAt));
            merchants.Add(merchant);
        }
        return merchants;
    }

    private static string DemoSiret(Faker faker)
    {
        var body = faker.Random.ReplaceNumbers("#############");
        var check = Enumerable.Range(0, 10).Select(d => body + d).First(Siret.PassesLuhn);
        return check;
    }

    private async Task<AppUser> CreateUserAsync(DemoAccount account, int clubId, int? merchantId, DateTimeOffset now)
    {
        var user = new AppUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            ClubId = clubId,
            MerchantId = merchantId,
            DepartmentCodes = account.Departments,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, DemoAccounts.Password);
        if (!created.Succeeded)
            throw new InvalidOperationException("Demo account not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, account.Role);
        return user;
    }
}
