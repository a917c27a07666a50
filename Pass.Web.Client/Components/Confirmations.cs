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
    /// <param name="readerSafe">
    /// Where a card reader is in hand (the card desk): the confirm button ignores Enter, which the reader presses after
    /// every tap, and the dialog says that a click, a tap or Space confirms; so the keyboard still works (Tab, Space).
    /// Elsewhere Tab + Enter confirms too. Cancel has the focus first everywhere, so a stray Enter cancels.
    /// </param>
    /// <returns>True when the action ran.</returns>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string text, string confirmText, Func<Task> action,
        Func<Task>? returnFocus = null, Color color = Color.Error, bool readerSafe = false)
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
            { d => d.ReaderSafe, readerSafe },
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
