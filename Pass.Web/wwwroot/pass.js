// Small browser helpers for the portal.
window.passPortal = {
    // The culture the server rendered the page in; the WebAssembly side adopts it at start.
    documentLanguage: () => document.documentElement.lang,
    // Per-browser settings, such as a card desk's reader format.
    load: key => window.localStorage.getItem("pass." + key),
    save: (key, value) => {
        window.localStorage.setItem("pass." + key, value);
        if (key === "dark") {
            // The server reads this one to paint its pages in the chosen theme from the first byte.
            document.cookie = "pass.dark=" + value + ";path=/;max-age=31536000;samesite=lax" + (location.protocol === "https:" ? ";secure" : "");
        }
    },
    // Gives the focus to what a page names after it re-rendered (the element may be a wrapper around the control).
    focus: selector => {
        const element = document.querySelector(selector);
        const target = element && !element.matches("button, input, a, [tabindex]") ? element.querySelector("button, input, a, [tabindex]") : element;
        target?.focus();
    },
    toggleDark: () => {
        const dark = (window.localStorage.getItem("pass.dark") ?? (document.cookie.includes("pass.dark=true") ? "true" : "false")) !== "true";
        window.passPortal.save("dark", dark ? "true" : "false");
        window.location.reload();
    }
};

// The theme switch on server-rendered pages (no inline handlers: the Content Security Policy forbids them).
document.addEventListener("click", event => {
    if (event.target instanceof Element && event.target.closest("[data-pass-toggle-dark]")) {
        window.passPortal.toggleDark();
    }
});

// The menu button on server-rendered pages: without the portal's script MudBlazor cannot open the drawer on a phone.
document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("[data-pass-toggle-drawer]") : null;
    const drawer = document.getElementById("pass-drawer");
    if (button && drawer) {
        const shown = drawer.classList.toggle("pass-drawer-shown");
        button.setAttribute("aria-expanded", shown ? "true" : "false");
    }
});

// Server-rendered forms that end something (withdrawing a site) ask first, in the page's language (data-confirm).
document.addEventListener("submit", event => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

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
