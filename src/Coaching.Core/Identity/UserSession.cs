namespace Coaching.Core.Identity;

/// <summary>
/// One signed-in browser: the sign-in cookie only carries the session's key, the ticket itself lives here (serialized and
/// protected with Data Protection), so that every instance sees it and deleting the row ends the session at once.
/// </summary>
public class UserSession
{
    public const int IdLength = 64;
    public const int UserAgentLength = 400;
    public const int AddressLength = 64;
    public const int SecurityStampLength = 256;

    /// <summary>Hex SHA-256 of the key the cookie carries: the table alone does not give a usable cookie key.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The account's security stamp when the session was issued: a new stamp (password, role…) ends it.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>The authentication ticket, serialized with TicketSerializer and protected with Data Protection.</summary>
    public required byte[] Ticket { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string UserAgent { get; set; } = "";
    public string IpAddress { get; set; } = "";
}
