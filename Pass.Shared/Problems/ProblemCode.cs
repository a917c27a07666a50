using System.Text.Json.Serialization;

namespace Pass.Shared.Problems;

/// <summary>
/// Why the portal API refused something, as a code the portal shows in the person's language (resx key
/// <c>Problem_&lt;code&gt;</c>); <see cref="ProblemTexts"/> holds the English text the body carries for API callers.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemCode>))]
public enum ProblemCode
{
    Unexpected,

    /// <summary>A refusal without a code of its own: {0} is its (English) text.</summary>
    Other,
    AntiforgeryInvalid,

    /// <summary>What was acted on no longer exists (404).</summary>
    NotFound,

    // People
    PersonNotFound,
    EmailInvalid,
    EmailTaken,
    UserNameInvalid,
    DisplayNameRequired,
    DisplayNameTooLong,
    DisplayNameControlCharacters,
    RolesUnknown,
    StaffNumberTaken,
    PhoneInvalid,
    PhoneTaken,
    PasswordTooShort,
    PasswordRequiresDigit,
    PasswordRequiresLower,
    PasswordRequiresUpper,
    PasswordRequiresNonAlphanumeric,
    PasswordRequiresUniqueChars,
    LastAdministrator,
    OwnAccount,

    // Clients
    ClientBuiltIn,
    RedirectUriMalformed,
    RedirectUriNotAbsolute,
    RedirectUriNotHttps,
    RedirectUriFragment,
    RedirectUriRequired,
    GrantUnknown,
    ReaderFormatRequired,
    RedirectUriNotForApp,
    PublicClientGrants,
    OriginRequired,
    OriginMalformed,
    LogoutUriInvalid,
    PublicClientIntrospection,
    PermissionUnknown,
    PublicClientPermissions,
    PermissionsNeedClientCredentials,
    ClientHasNoSecret,
    ClientTypeUnknown,
    OriginsOnlyForSpa,

    // Cards
    CardNumberEmpty,
    CardReaderFormatUnknown,
    CardNumberNotHex,
    CardNumberNotDecimal,
    CardNumberWrongLength,
    CardNumberOutOfRange,
    DeskReaderFormatRequired,
    CardAlreadyBound,
    CardBindingEnded,
    CardSameAsReplaced,
    CardReportedLost,

    // Channels
    ChannelAppIdInvalid,
    ChannelSecretInvalid,
    ChannelScopeUnknown,
    ChannelIncomplete,
    ChannelKeyInvalid,
    ChannelProviderKeyInvalid,
    ChannelKeyPairOnlyAlipay,
}
