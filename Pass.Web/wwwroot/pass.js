// Small browser helpers for the portal.
window.passPortal = {
    // The culture the server rendered the page in; the WebAssembly side adopts it at start.
    documentLanguage: () => document.documentElement.lang,
    // Per-browser settings, such as a card desk's reader format.
    load: key => window.localStorage.getItem("pass." + key),
    save: (key, value) => window.localStorage.setItem("pass." + key, value)
};
