using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Users;

public sealed record UserRow(string Id, string DisplayName, string Email, string Role, bool Activated, bool IsActive, string? MerchantName, int? MerchantId);

public sealed record UsersIndexViewModel(IReadOnlyList<UserRow> Users, bool CanManage, string CurrentUserId);

public sealed record MerchantChoice(int Id, string Name);

public sealed record InviteViewModel(InviteForm Form, IReadOnlyList<string> Roles, IReadOnlyList<MerchantChoice> Merchants, string RegionCode);

public sealed record InvitedViewModel(string DisplayName, string Email, string Link, bool EmailSent);
