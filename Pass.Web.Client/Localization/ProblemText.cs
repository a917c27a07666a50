using System.Globalization;
using Microsoft.Extensions.Localization;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Problems;
using Pass.Web.Client.Resources;

namespace Pass.Web.Client.Localization;

/// <summary>The server's refusals and audit details in the viewer's language, from the codes the API sends.</summary>
public static class ProblemText
{
    /// <summary><c>T["Problem_" + code]</c> with the problem's values; the English text when the resources lack the code.</summary>
    public static string Problem(this IStringLocalizer<PortalText> text, CodedProblem problem)
    {
        var found = text["Problem_" + problem.Code];
        return found.ResourceNotFound ? problem.English : ProblemTexts.Format(CultureInfo.CurrentCulture, found.Value, problem.Args);
    }

    /// <summary>Why an action was refused: its problem, or every field's errors, localized where the answer had codes.</summary>
    public static string Describe<T>(this IStringLocalizer<PortalText> text, Outcome<T> outcome) =>
        outcome.Code is { } code ? text.Problem(code)
        : outcome.FieldCodes is { Count: > 0 } fields ? string.Join(" ", fields.Values.SelectMany(f => f).Select(text.Problem))
        : outcome.Status == OutcomeStatus.NotFound ? text.Problem(ProblemCode.NotFound)
        : outcome.Describe();

    /// <summary>An audit line's detail: from its code in the viewer's language, else the stored text (lines written before codes).</summary>
    public static string Detail(this IStringLocalizer<PortalText> text, AuditEventView line)
    {
        if (line.Coded is not { } coded)
        {
            return line.Detail ?? "";
        }

        var found = text["AuditDetail_" + coded.Code];
        if (found.ResourceNotFound)
        {
            return line.Detail ?? coded.English;
        }

        // Grant types, roles and SMS purposes read as their names ("QR code", "Administrator"), not URNs or enum names.
        IReadOnlyList<string> args = coded.Code switch
        {
            AuditDetailCode.Grant or AuditDetailCode.GrantRefused => [text.Label("Grant", coded.Args.ElementAtOrDefault(0)), .. coded.Args.Skip(1)],
            AuditDetailCode.Grants => [List(text, "Grant", coded.Args.ElementAtOrDefault(0))],
            AuditDetailCode.Roles or AuditDetailCode.CreatedWithRoles => [List(text, "Role", coded.Args.ElementAtOrDefault(0))],
            AuditDetailCode.ProfileChanged => [List(text, "Field", coded.Args.ElementAtOrDefault(0))],
            AuditDetailCode.SmsSent or AuditDetailCode.SmsFailed =>
                [coded.Args.ElementAtOrDefault(0) ?? "", text.Label("SmsPurpose", coded.Args.ElementAtOrDefault(1)), .. coded.Args.Skip(2)],
            _ => coded.Args,
        };
        return ProblemTexts.Format(CultureInfo.CurrentCulture, found.Value, args);
    }

    // A comma-separated list of names, each as its label, joined the way the language lists things.
    private static string List(IStringLocalizer<PortalText> text, string prefix, string? values) =>
        string.Join(text["ListSeparator"].Value, (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => text.Label(prefix, v)));
}
