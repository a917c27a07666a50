// The culture the server rendered the page in; the WebAssembly side adopts it at start.
window.passPortal = {
    documentLanguage: () => document.documentElement.lang
};
