using System.Globalization;
using Coaching.Core.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Coaching.Web.Hosting;
using Coaching.Web.Commands;
using Coaching.Web.Demo;

namespace Coaching.Web.Features.Audit;

/// <summary>
/// Records an audit entry when the action succeeded: not for refusals (403, 404, sign-in challenge, 4xx) nor, for
/// changes, when the form was sent back with errors (nothing was saved). The target id is the route value
/// <see cref="RouteKey"/>, or with <see cref="OwnMerchant"/> the merchant of the signed-in account (merchant's space).
/// For a merchant target, the merchant that the action really loaded (<see cref="RecordTarget"/>, called by the case-file
/// access) wins over the route value.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AuditedAttribute(AuditAction action, AuditTarget target, string? routeKey = null) : Attribute, IAsyncActionFilter
{
    public const string OwnMerchant = "@merchant";

    public string? RouteKey { get; } = routeKey;

    private const string TargetItem = "Coaching.AuditedMerchant";

    /// <summary>Names the merchant the request read or changed, for the audit entry of a merchant target.</summary>
    public static void RecordTarget(HttpContext context, int merchantId) => context.Items[TargetItem] = merchantId;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        if (!Succeeded(executed)) return;

        var recorded = target == AuditTarget.Merchant && context.HttpContext.Items.TryGetValue(TargetItem, out var loaded) ? loaded : null;
        var targetId = RouteKey switch
        {
            null => null,
            _ when recorded is int merchantId => merchantId.ToString(CultureInfo.InvariantCulture),
            OwnMerchant => context.HttpContext.User.FindFirst(CoachingClaimTypes.MerchantId)?.Value,
            _ => Convert.ToString(context.RouteData.Values[RouteKey], CultureInfo.InvariantCulture),
        };
        var detail = $"{context.RouteData.Values["controller"]}.{context.RouteData.Values["action"]}";
        var log = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await log.WriteAsync(action, target, targetId, detail);
    }

    private bool Succeeded(ActionExecutedContext executed) => executed.Result switch
    {
        ForbidResult or ChallengeResult => false,
        IStatusCodeActionResult { StatusCode: >= 400 } => false,
        ViewResult when action != AuditAction.Read && !executed.ModelState.IsValid => false,
        _ => true,
    };
}
