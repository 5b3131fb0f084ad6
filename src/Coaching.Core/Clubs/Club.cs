namespace Coaching.Core.Clubs;

/// <summary>The association running the coaching; its settings appear in the header, emails and documents.</summary>
public class Club
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }

    /// <summary>File name of the logo inside the data folder's "club" directory, when one was uploaded.</summary>
    public string? LogoFileName { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
