
namespace Coaching.Web.Hosting;

public sealed class CoachingOptions
{
    public const string Section = "Coaching";

    /// <summary>Name of the club created on first start (and shown in the header).</summary>
    public string ClubName { get; set; } = "Club du commerce connecté";

    /// <summary>INSEE code of the club's region (75 = Nouvelle-Aquitaine).</summary>
    public string RegionCode { get; set; } = "75";

    /// <summary>Folder for the database file, mail pickup and stored documents; relative to the app's folder.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Seed the demo club on an empty database. Defaults to true in Development only.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Public address used in links sent by email (invitations, password resets).</summary>
    public string? PublicBaseUrl { get; set; }
}
