using System.Text.Json.Serialization;

namespace Pass.Shared.Sms;

/// <summary>What redeeming an SMS code does (SPEC §2.5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmsPurpose>))]
public enum SmsPurpose
{
    /// <summary>Signs in the person who has the phone, or signs up a new one when nobody has it.</summary>
    SignInOrUp,

    /// <summary><c>abort=if_not_exists</c>: only someone who already has the phone.</summary>
    SignIn,

    /// <summary><c>abort=if_exists</c>: a new person with this phone.</summary>
    SignUp,

    /// <summary><c>phone_conflict=replace</c>: the phone moves to <see cref="SmsCode.TargetUserId"/>.</summary>
    Replace,
}
