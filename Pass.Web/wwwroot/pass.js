// Small browser helpers for the portal.
window.passPortal = {
    // The culture the server rendered the page in; the WebAssembly side adopts it at start.
    documentLanguage: () => document.documentElement.lang,
    // Per-browser settings, such as a card desk's reader format.
    load: key => window.localStorage.getItem("pass." + key),
    save: (key, value) => window.localStorage.setItem("pass." + key, value)
};

// Server-rendered forms marked data-submit-once post one time only (a double tap must not send a spent code again).
document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) {
        return;
    }

    if (form.dataset.submitted) {
        event.preventDefault();
    } else {
        form.dataset.submitted = "true";
    }
}, true);
