namespace Coaching.Core.ReferenceData;

public sealed record NafActivity(string Code, string Label)
{
    public SectorFamily Family => SectorFamilies.FromNaf(Code);
    public string Display => $"{Code} – {Label}";
}

/// <summary>The 732 NAF rév. 2 sub-classes (APE codes) from @socialgouv/codes-naf 1.1.1.</summary>
public sealed class NafCatalog
{
    public static NafCatalog Instance { get; } = new();

    private readonly Dictionary<string, NafActivity> _byCode;

    private NafCatalog()
    {
        All = EmbeddedCsv.Read("naf.csv").Select(r => new NafActivity(r[0], r[1])).ToList();
        _byCode = All.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<NafActivity> All { get; }

    /// <summary>Accepts "47.24Z", "4724Z" or "47.24z".</summary>
    public NafActivity? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var compact = code.Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length != 5) return null;
        return _byCode.GetValueOrDefault(compact[..2] + "." + compact[2..]);
    }
}
