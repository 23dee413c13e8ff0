namespace IdeaBox.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>Every asset comes from the app itself: the policy says so to the browser.</summary>
    public static HeaderPolicyCollection Policy() => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
            csp.AddBaseUri().Self();
        });
}
