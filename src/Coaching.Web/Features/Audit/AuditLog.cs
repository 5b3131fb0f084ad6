using System.Security.Claims;
using Coaching.Core.Audit;
using Coaching.Core.Data;

namespace Coaching.Web.Features.Audit;

/// <summary>
/// Writes audit entries: one INSERT in a context of its own, so that it never saves (or is blocked by) whatever the
/// request's own context is tracking. Who, from where and the correlation id come from the current request.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, AuditEmailHasher hasher)
{
    public async Task WriteAsync(AuditAction action, AuditTarget target = AuditTarget.None, string? targetId = null, string? detail = null,
        string? actorId = null, string? failedEmail = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var entry = new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            ActorId = actorId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            EmailHash = string.IsNullOrWhiteSpace(failedEmail) ? null : hasher.Hash(failedEmail),
            Action = action,
            TargetType = target,
            TargetId = targetId is { Length: > 64 } ? targetId[..64] : targetId,
            Detail = detail is { Length: > AuditEntry.DetailLength } ? detail[..AuditEntry.DetailLength] : detail,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            CorrelationId = context?.TraceIdentifier,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        db.AuditEntries.Add(entry);
        // Not the request's token: an entry for work that was done must be written even if the client goes away.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
