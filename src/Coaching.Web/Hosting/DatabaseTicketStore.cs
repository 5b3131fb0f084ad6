using System.Security.Claims;
using System.Security.Cryptography;
using Coaching.Core.Data;
using Coaching.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Hosting;

/// <summary>
/// Sign-in sessions kept in the database (<see cref="UserSession"/>): the cookie carries a random key, the ticket is in the
/// table, shared by every instance. Signing out deletes the row; a session whose account got a new security stamp
/// (password set or reset, role change, deactivation…) or was deactivated is refused and deleted at its next request.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, IOptions<SessionOptions> options)
    : ITicketStore
{
    /// <summary>HttpContext.Items key of the current request's session id (the hash), for the security page.</summary>
    public const string CurrentSessionItem = "Coaching.SessionId";

    private readonly IDataProtector _protector = protection.CreateProtector("Coaching.UserSessions.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = IdOf(key),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in ticket without a user id."),
            SecurityStamp = StampOf(ticket),
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
            UserAgent = Truncate(httpContext?.Request.Headers.UserAgent.ToString(), UserSession.UserAgentLength),
            IpAddress = Truncate(httpContext?.Connection.RemoteIpAddress?.ToString(), UserSession.AddressLength),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        if (httpContext is not null) httpContext.Items[CurrentSessionItem] = session.Id;
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var bytes = Protect(ticket);
        var stamp = StampOf(ticket);
        var expires = ExpiryOf(ticket, now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        // Only an existing row: a session ended meanwhile (sign-out elsewhere) must not come back.
        await db.UserSessions.Where(s => s.Id == IdOf(key)).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Ticket, bytes)
            .SetProperty(s => s.SecurityStamp, stamp)
            .SetProperty(s => s.ExpiresAt, expires)
            .SetProperty(s => s.LastSeenAt, now), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var found = await (
            from s in db.UserSessions
            join u in db.Users on s.UserId equals u.Id
            where s.Id == id
            select new { s.Ticket, s.SecurityStamp, s.ExpiresAt, s.LastSeenAt, UserStamp = u.SecurityStamp, u.IsActive })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        if (found.ExpiresAt <= now || !found.IsActive || found.SecurityStamp != (found.UserStamp ?? ""))
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(found.Ticket));
        }
        catch (CryptographicException)
        {
            return null;
        }
        // "Last seen" is written at most once per interval, not on every request.
        if (now - found.LastSeenAt >= options.Value.LastSeenInterval)
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        if (httpContext is not null) httpContext.Items[CurrentSessionItem] = id;
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        await db.UserSessions.Where(s => s.Id == IdOf(key)).ExecuteDeleteAsync(cancellationToken);
    }

    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string StampOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType) ?? "";

    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + options.Value.Lifetime;

    private static string Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= length ? value : value[..length];
}

/// <summary>Section « Sessions »: how long a sign-in lasts.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Lifetime of a sign-in without activity (sliding: each use past half of it renews it).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How often a session's « last seen » time is written.</summary>
    public TimeSpan LastSeenInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public static class ServerSideSessions
{
    public static IServiceCollection AddCoachingServerSideSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<SessionOptions>>((cookie, store, sessions) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = sessions.Value.Lifetime;
            });
        return services;
    }
}
