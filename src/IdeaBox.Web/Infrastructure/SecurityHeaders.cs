namespace IdeaBox.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>The policy of an uploaded SVG logo opened on its own: it may draw, never run, fetch or navigate anything.</summary>
    public const string Logo = "logo";

    public static HeaderPolicyCollection LogoPolicy() => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddStyleSrc().UnsafeInline();
            csp.AddSandbox();
            csp.AddFrameAncestors().Self();
        });

    /// <summary>
    /// Every asset comes from the app itself: the policy says so to the browser. Forms post to the app
    /// only, and to <paramref name="signOutOrigin"/> (the organisation's provider) when signing out
    /// redirects there.
    /// </summary>
    public static HeaderPolicyCollection Policy(string? signOutOrigin = null) => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddReferrerPolicySameOrigin()
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddObjectSrc().None();
            var forms = csp.AddFormAction().Self();
            if (signOutOrigin is not null) forms.From(signOutOrigin);
            csp.AddFrameAncestors().None();
            csp.AddBaseUri().None();
        });
}
