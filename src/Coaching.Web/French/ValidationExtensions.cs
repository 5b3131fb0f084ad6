using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coaching.Web.French;

public static class ValidationExtensions
{
    /// <summary>Runs a FluentValidation validator explicitly and copies its French messages next to the fields.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState, string prefix = "")
    {
        var result = await validator.ValidateAsync(model);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
                modelState.AddModelError(key, error.ErrorMessage);
        }
        return modelState.IsValid;
    }
}
