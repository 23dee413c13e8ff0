namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Every settings class is bound from its configuration section and checked when the host starts, not at its
/// first use: a value that does not convert ("abc" for a number of seconds) or breaks a declared rule stops the
/// start with the setting's path, instead of failing a request or a background job hours later.
/// </summary>
public static class Settings
{
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfigurationSection section) where T : class
    {
        services.AddOptions<T>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
