namespace Coaching.Core.Clubs;

public class Club
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
}
