namespace IdeaBox.Domain;

/// <summary>What happened to an account, as the security log records it.</summary>
public enum SecurityEventKind
{
    SignInSucceeded = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignedOut = 4,
    PasswordChanged = 5,
    PasswordReset = 6,
    TwoFactorEnabled = 7,
    TwoFactorDisabled = 8,
    AccountCreated = 9,
    AccountDisabled = 10,
    AccountEnabled = 11,
    AccountDeleted = 12,
    RolesChanged = 13,
    UnitChanged = 14,
    ExportDownloaded = 15,
    AccountUnlocked = 16,
    InvitationSent = 17,
    PersonalDataDownloaded = 18,
    PasswordResetRequested = 19,
    RecoveryCodesGenerated = 20,
}
