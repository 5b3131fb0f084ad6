using System.Net;
using Coaching.Core.Plans;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Features.MySpace;

/// <summary>The merchant marks an action done and undoes it, next to the action.</summary>
[Collection(CaseworkChangesApp.Collection)]
public sealed class MySpaceUndoTests(CaseworkChangesApp app)
{
    [Fact]
    public async Task The_merchant_undoes_a_done_mark_next_to_the_action_and_both_are_recorded()
    {
        var merchantId = app.Ids.MerchantB;
        var item = await app.QueryAsync(db => db.ActionPlanItems.AsNoTracking()
            .Where(i => i.Plan!.MerchantId == merchantId && (i.Status == PlanItemStatus.ToDo || i.Status == PlanItemStatus.InProgress))
            .OrderBy(i => i.Position).FirstAsync());
        var merchant = await app.CreateClientAs(Persona.MerchantB);
        var space = await merchant.GetPageAsync("/mon-espace");
        var marked = await merchant.SubmitAsync(space, $"/mon-espace/actions/{item.Id}/fait");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.EndsWith($"#fait-{item.Id}", marked.Headers.Location!.OriginalString);

        var after = await merchant.GetPageAsync("/mon-espace");
        var notice = after.Document.GetElementById($"fait-{item.Id}");
        Assert.NotNull(notice);
        Assert.Equal($"action-{item.Id}", notice.ParentElement!.Id);
        Assert.Contains("C’est noté", notice.TextContent);
        Assert.Equal(PlanItemStatus.Done, (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id).Status);

        var undone = await merchant.SubmitAsync(after, $"/mon-espace/actions/{item.Id}/annuler");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var restored = (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id);
        Assert.Equal(item.Status, restored.Status);
        Assert.Null(restored.CompletedAt);
        Assert.Contains("C’est annulé", (await merchant.GetPageAsync("/mon-espace")).Document.GetElementById($"fait-{item.Id}")!.TextContent);

        var summaries = await app.QueryAsync(db => db.ActionPlanChanges.Where(c => c.ItemId == item.Id && c.ActorId == app.Ids.MerchantBUserId)
            .Select(c => c.Summary).ToListAsync());
        Assert.Contains(summaries, s => s.Contains("marquée faite par le commerçant", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("le commerçant a annulé « faite »", StringComparison.Ordinal));

        // A second « Annuler » (stale page) changes nothing.
        var again = await merchant.SubmitAsync(after, $"/mon-espace/actions/{item.Id}/annuler");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
