using IdeaBox.Web.Infrastructure.Identity;

namespace IdeaBox.Tests.Features.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Qwertyuiop12")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("dragon2026!!!!")]
    [InlineData("ideabox-2026-2026")]
    [InlineData("  Sunshine1234567 ")]
    public void Common_passwords_and_listed_words_dressed_with_digits_are_refused(string password) =>
        Assert.True(PasswordPolicy.IsCommon(password));

    [Theory]
    [InlineData("la tour de Babel a 3 étages")]
    [InlineData("correct horse battery staple")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa bleu")]
    public void Ordinary_long_passwords_are_accepted_without_composition_rules(string password) =>
        Assert.False(PasswordPolicy.IsCommon(password));

    [Fact]
    public void The_person_s_own_name_or_address_is_refused()
    {
        var user = new AppUser { DisplayName = "Marie Dupont", Email = "mariedupont@ministere.example" };
        Assert.True(PasswordPolicy.IsCommon("MarieDupont2026!", user));
        Assert.True(PasswordPolicy.IsCommon("2026-marie dupont-2026", user));
    }
}
