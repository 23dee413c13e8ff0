namespace IdeaBox.Web.Infrastructure;

/// <summary>A message that can check its own input without a database.</summary>
public interface IValidate
{
    IEnumerable<FieldError> Validate();
}
