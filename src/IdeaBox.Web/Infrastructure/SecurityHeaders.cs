namespace IdeaBox.Web.Infrastructure;

public static class SecurityHeaders
{
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
