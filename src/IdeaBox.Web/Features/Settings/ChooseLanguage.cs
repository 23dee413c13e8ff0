namespace IdeaBox.Web.Features.Settings;

/// <summary>The signed-in user's interface language, kept in their account: it follows them to another browser and to their e-mails.</summary>
[AnySignedInUser]
public sealed record ChooseLanguage(string Culture) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (!Cultures.IsSupported(Culture)) yield return new(nameof(Culture), "Validation.Invalid");
    }
}

public sealed class ChooseLanguageHandler(IdeaBoxDb db, ICurrentUser user) : ICommandHandler<ChooseLanguage>
{
    public async ValueTask<Unit> Handle(ChooseLanguage command, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, command.Culture), ct);
        return Unit.Value;
    }
}
