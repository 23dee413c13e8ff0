using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Turns the domain's refusals into HTTP statuses; the status-code pages then render them in
/// the user's language. Validation errors are handled by the page that owns the form.
/// </summary>
public sealed class ExceptionStatusFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        int? status = context.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            ConflictException => StatusCodes.Status409Conflict,
            ValidationFailedException => StatusCodes.Status400BadRequest,
            _ => null,
        };
        if (status is null) return;
        context.Result = new StatusCodeResult(status.Value);
        context.ExceptionHandled = true;
    }
}
