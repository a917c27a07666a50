using MudBlazor;

namespace Pass.Web.Client.Components;

/// <summary>Every destructive confirmation in the portal, through one <see cref="ConfirmDialog"/> and one set of rules.</summary>
public static class Confirmations
{
    /// <summary>
    /// Asks, and runs <paramref name="action"/> from the dialog when confirmed by a real click. However the dialog
    /// closes (confirmed, cancelled, Escape, backdrop) <paramref name="returnFocus"/> puts the focus back where the
    /// work goes on: it is called before the dialog opens too, because the dialog gives the focus back to what had it.
    /// </summary>
    /// <param name="pointerOnly">
    /// Where a card reader is in hand (the card desk): the confirm button then takes only a real pointer or touch click,
    /// never the Enter or Space of a keyboard, so a reader's Enter can only cancel. Elsewhere the keyboard confirms
    /// (Tab to the button, then Enter), as it must for people who use no mouse; Cancel still has the focus first.
    /// </param>
    /// <returns>True when the action ran.</returns>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string text, string confirmText, Func<Task> action,
        Func<Task>? returnFocus = null, Color color = Color.Error, bool pointerOnly = false)
    {
        if (returnFocus is not null)
        {
            await returnFocus();
        }

        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Text, text },
            { d => d.ConfirmText, confirmText },
            { d => d.Action, action },
            { d => d.Color, color },
            { d => d.PointerOnly, pointerOnly },
        };
        var options = new DialogOptions { CloseOnEscapeKey = true, BackdropClick = true, DefaultFocus = DefaultFocus.FirstChild, MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, options);
        var result = await dialog.Result;

        if (returnFocus is not null)
        {
            await returnFocus();
        }

        return result is { Canceled: false };
    }
}
