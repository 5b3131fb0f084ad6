using Coaching.Core.Data;

namespace Coaching.Core.Clubs;

/// <summary>The association running the coaching; its settings appear in the header, emails and documents.</summary>
public class Club : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }

    /// <summary>
    /// File name of a logo that an older version kept in the data folder's "club" directory; the start-up moves it into
    /// <see cref="ClubLogo"/> and clears this. The logo itself now lives in the database.
    /// </summary>
    public string? LegacyLogoFileName { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }
}
