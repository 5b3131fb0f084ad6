using Coaching.Web.Infrastructure;

namespace Coaching.Web.Features.Import;

/// <summary>Keeps an uploaded file between the preview and the confirmation; only its uploader can use it.</summary>
public sealed class PendingImports(DataFolder dataFolder, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private string Folder => dataFolder.Combine("imports");

    public async Task<Guid> SaveAsync(string userId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        PurgeExpired();
        var id = Guid.NewGuid();
        await File.WriteAllBytesAsync(PathOf(userId, id), content, cancellationToken);
        await File.WriteAllTextAsync(PathOf(userId, id) + ".name", fileName, cancellationToken);
        return id;
    }

    public async Task<(byte[] Content, string FileName)?> LoadAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var path = PathOf(userId, id);
        if (!File.Exists(path)) return null;
        return (await File.ReadAllBytesAsync(path, cancellationToken), await File.ReadAllTextAsync(path + ".name", cancellationToken));
    }

    public void Delete(string userId, Guid id)
    {
        File.Delete(PathOf(userId, id));
        File.Delete(PathOf(userId, id) + ".name");
    }

    private string PathOf(string userId, Guid id) =>
        Path.Combine(Folder, $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16]}-{id:N}.csv");

    private void PurgeExpired()
    {
        var limit = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => File.GetLastWriteTimeUtc(f) < limit))
            File.Delete(file);
    }
}
