using System.Net;

namespace Coaching.Tests.Authorization;

/// <summary>What a persona gets from a request, as the authorization table states it.</summary>
public sealed record Outcome(string Kind, string? Location = null, int? Status = null)
{
    /// <summary>2xx: the page or the action's answer.</summary>
    public static readonly Outcome Ok = new(nameof(Ok));

    /// <summary>Sent to the sign-in page: a redirect to /connexion?ReturnUrl=… (or a 401).</summary>
    public static readonly Outcome Login = new(nameof(Login));

    /// <summary>Refused to a signed-in person: 403, or the cookie scheme's redirect to /acces-refuse.</summary>
    public static readonly Outcome Forbidden = new(nameof(Forbidden));

    /// <summary>404: the thing does not exist, or admitting that it does would leak.</summary>
    public static readonly Outcome NotFound = new(nameof(NotFound));

    /// <summary>400: e.g. an unsafe request without its antiforgery token.</summary>
    public static readonly Outcome BadRequest = new(nameof(BadRequest));

    /// <summary>Any other redirect (3xx), wherever it goes.</summary>
    public static readonly Outcome Redirect = new(nameof(Redirect));

    /// <summary>422: the request reached the action, which refused its content with a French message.</summary>
    public static readonly Outcome Refused = new("Status", Status: 422);

    /// <summary>409: the request reached the action, which answered with the current state (stale page, other merchant's item).</summary>
    public static readonly Outcome Conflict = new("Status", Status: 409);

    /// <summary>A redirect (3xx) to this path (the query string is not compared).</summary>
    public static Outcome RedirectTo(string path) => new(nameof(Redirect), path);

    public const string LoginPath = "/connexion";
    public const string AccessDeniedPath = "/acces-refuse";

    public bool Matches(Outcome actual) =>
        Kind == actual.Kind &&
        (Kind != "Status" || Status == actual.Status) &&
        (Location is null || string.Equals(Location, actual.Location, StringComparison.OrdinalIgnoreCase));

    public bool IsServerError => Status >= 500;

    public override string ToString() => Kind switch
    {
        nameof(Redirect) when Location is not null => Status is null ? $"RedirectTo(\"{Location}\")" : $"Redirect {Status} to {Location}",
        _ when Status is not null => $"{Kind} ({Status})",
        _ => Kind,
    };

    /// <summary>Classifies a response that was not followed (the test clients do not follow redirects).</summary>
    public static Outcome Of(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } uri
            ? (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0])
            : null;
        var hasReturnUrl = response.Headers.Location?.OriginalString.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true;
        return status switch
        {
            >= 200 and < 300 => Ok with { Status = status },
            >= 300 and < 400 when Same(location, LoginPath) && hasReturnUrl => Login with { Status = status },
            >= 300 and < 400 when Same(location, AccessDeniedPath) => Forbidden with { Status = status },
            >= 300 and < 400 => new Outcome(nameof(Redirect), location, status),
            (int)HttpStatusCode.Unauthorized => Login with { Status = status },
            (int)HttpStatusCode.Forbidden => Forbidden with { Status = status },
            (int)HttpStatusCode.NotFound => NotFound with { Status = status },
            (int)HttpStatusCode.BadRequest => BadRequest with { Status = status },
            >= 500 => new Outcome("ServerError", null, status),
            _ => new Outcome("Status", null, status),
        };
    }

    private static bool Same(string? path, string expected) => string.Equals(path, expected, StringComparison.OrdinalIgnoreCase);
}
