using System.Globalization;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;

namespace Pass.Shared.Problems;

/// <summary>The English text of every <see cref="ProblemCode"/>, written once; the portal's resx has the same texts per language.</summary>
public static class ProblemTexts
{
    /// <summary>The ProblemDetails extension with the problem's code (and <see cref="ArgsExtension"/> its values).</summary>
    public const string CodeExtension = "code";

    public const string ArgsExtension = "args";

    /// <summary>The ValidationProblemDetails extension with each field's codes, beside the English <c>errors</c>.</summary>
    public const string FieldCodesExtension = "codes";

    public static string English(CodedProblem problem)
    {
        var template = problem.Code switch
        {
            ProblemCode.Other => "{0}",
            ProblemCode.NotFound => "It no longer exists; reload the page.",
            ProblemCode.AntiforgeryInvalid => "Antiforgery token missing or invalid.",
            ProblemCode.PersonNotFound => "No such person.",
            ProblemCode.EmailInvalid => "A valid email address is required.",
            ProblemCode.EmailTaken => "Email '{0}' is already taken.",
            ProblemCode.UserNameInvalid => "Username '{0}' is invalid, can only contain letters or digits.",
            ProblemCode.DisplayNameRequired => "A display name is required.",
            ProblemCode.DisplayNameTooLong => "A display name has at most {0} characters.",
            ProblemCode.DisplayNameControlCharacters => "A display name cannot contain control characters (line breaks, tabs).",
            ProblemCode.RolesUnknown => "Roles are {0}.",
            ProblemCode.StaffNumberTaken => "This staff number belongs to someone else.",
            ProblemCode.PhoneInvalid => "Not a valid phone number (a number without a country code is read in Pass:Sms:DefaultRegion).",
            ProblemCode.PhoneTaken => "This phone belongs to someone else.",
            ProblemCode.PasswordTooShort => "Passwords must be at least {0} characters.",
            ProblemCode.PasswordRequiresDigit => "Passwords must have at least one digit ('0'-'9').",
            ProblemCode.PasswordRequiresLower => "Passwords must have at least one lowercase ('a'-'z').",
            ProblemCode.PasswordRequiresUpper => "Passwords must have at least one uppercase ('A'-'Z').",
            ProblemCode.PasswordRequiresNonAlphanumeric => "Passwords must have at least one non alphanumeric character.",
            ProblemCode.PasswordRequiresUniqueChars => "Passwords must use at least {0} different characters.",
            ProblemCode.LastAdministrator => "Pass must keep at least one administrator.",
            ProblemCode.OwnAccount => "An administrator cannot lock or delete their own account; another administrator can.",
            ProblemCode.ClientBuiltIn => "Pass manages this client itself: it has no secret and its grants are fixed. It can only be disabled.",
            ProblemCode.RedirectUriMalformed => $"A redirect URI is a whole https address of at most {RedirectUris.MaxLength} characters.",
            ProblemCode.RedirectUriNotAbsolute => "'{0}' is not an absolute http(s) address.",
            ProblemCode.RedirectUriNotHttps => "'{0}' must use https (plain http is allowed only on 127.0.0.1, [::1] or localhost).",
            ProblemCode.RedirectUriFragment => "'{0}' may not have a fragment (#) or credentials.",
            ProblemCode.RedirectUriRequired => "\"Sign in with Pass\" (authorization_code) needs at least one redirect URI.",
            ProblemCode.GrantUnknown => "Unknown grant '{0}'. Grants are {1}.",
            ProblemCode.ReaderFormatRequired => "A client that reads cards needs its reader format.",
            ProblemCode.RedirectUriNotForApp => "'{0}': a phone or desktop app returns to https, to http://127.0.0.1 or http://[::1] (any port), or to a private-use scheme named after a domain (cn.example.campus:/callback).",
            ProblemCode.PublicClientGrants => "An app without a secret signs people in: it needs authorization_code (with PKCE), may add refresh_token, and nothing else.",
            ProblemCode.ClientTypeUnknown => "Unknown kind of client '{0}'. Kinds are Confidential, Native and Spa.",
            ProblemCode.OriginsOnlyForSpa => "Only a single-page app has origins (CORS): a client with a secret calls Pass from its server.",
            ProblemCode.OriginRequired => "A single-page app needs the origin it runs on (https://app.example.edu), for CORS.",
            ProblemCode.OriginMalformed => "'{0}' is not an origin: scheme, host and port only (https://app.example.edu), https or http on this machine.",
            ProblemCode.LogoutUriInvalid => "'{0}' is not a logout address: an absolute https address (http only on this machine), without a fragment.",
            ProblemCode.PublicClientIntrospection => "Only a client with a secret can introspect tokens.",
            ProblemCode.PermissionUnknown => "Unknown permission '{0}'. Permissions are {1}.",
            ProblemCode.PublicClientPermissions => "Only a client with a secret can be given permissions.",
            ProblemCode.PermissionsNeedClientCredentials => "Permissions are used with the client's own token: give it the client_credentials grant too.",
            ProblemCode.ClientHasNoSecret => "This app has no secret to renew: it proves itself with PKCE.",
            ProblemCode.CardNumberEmpty => "No card number was given.",
            ProblemCode.CardReaderFormatUnknown => "The reader format is unknown.",
            ProblemCode.CardNumberNotHex => "A hex reader types only 0-9 and A-F (spaces, colons and dashes are ignored).",
            ProblemCode.CardNumberNotDecimal => "A decimal reader types only digits.",
            ProblemCode.CardNumberWrongLength => "The number has the wrong length for this reader format (a UID is 4, 7 or 10 bytes).",
            ProblemCode.CardNumberOutOfRange => "The number is too large for this reader format.",
            ProblemCode.DeskReaderFormatRequired => "The card desk's reader format is required.",
            ProblemCode.CardAlreadyBound => "The card is already bound to someone else.",
            ProblemCode.CardBindingEnded => "The card binding has already ended.",
            ProblemCode.CardSameAsReplaced => "That is the card being replaced.",
            ProblemCode.CardReportedLost => "The card was reported lost.",
            ProblemCode.ChannelAppIdInvalid => "A WeChat AppID is wx and 16 letters or digits; an Alipay APPID is digits (16 for new apps).",
            ProblemCode.ChannelSecretInvalid => "A WeChat AppSecret is 16 to 128 letters and digits.",
            ProblemCode.ChannelScopeUnknown => "The official account's scope is snsapi_base or snsapi_userinfo.",
            ProblemCode.ChannelIncomplete => "Needed to enable the channel.",
            ProblemCode.ChannelKeyInvalid => "The application private key is not an RSA key of 2048 bits or more (PEM, or base64 PKCS#8 or PKCS#1).",
            ProblemCode.ChannelProviderKeyInvalid => "Alipay's public key is not an RSA public key (PEM, or base64 SubjectPublicKeyInfo).",
            ProblemCode.ChannelKeyPairOnlyAlipay => "Only Alipay signs with a key pair; WeChat has an AppSecret.",
            _ => "The request could not be carried out.",
        };
        return Format(CultureInfo.InvariantCulture, template, problem.Args);
    }

    /// <summary>A template with its values; a template that names more values than were sent keeps its placeholders.</summary>
    public static string Format(IFormatProvider culture, string template, IReadOnlyList<string>? args)
    {
        try
        {
            return string.Format(culture, template, [.. (args ?? []).Cast<object>()]);
        }
        catch (FormatException)
        {
            return template;
        }
    }

    public static CodedProblem RolesUnknown() => new(ProblemCode.RolesUnknown, [string.Join(", ", PassRoles.All)]);

    public static ProblemCode For(CardNumberError error) => error switch
    {
        CardNumberError.Empty => ProblemCode.CardNumberEmpty,
        CardNumberError.UnknownFormat => ProblemCode.CardReaderFormatUnknown,
        CardNumberError.NotHex => ProblemCode.CardNumberNotHex,
        CardNumberError.NotDecimal => ProblemCode.CardNumberNotDecimal,
        CardNumberError.WrongLength => ProblemCode.CardNumberWrongLength,
        CardNumberError.OutOfRange => ProblemCode.CardNumberOutOfRange,
        _ => ProblemCode.Unexpected,
    };

    /// <summary>Field codes as the English texts of a ValidationProblemDetails' <c>errors</c>.</summary>
    public static Dictionary<string, string[]> EnglishOf(IReadOnlyDictionary<string, CodedProblem[]> fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value.Select(p => p.English).ToArray());
}
