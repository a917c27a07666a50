using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pass.E2E;

/// <summary>
/// A single-page timetable app, served from its own origin: plain JavaScript that makes a PKCE pair with Web Crypto,
/// sends the browser to Pass, and on the way back redeems the code and calls userinfo and check_token with fetch —
/// cross-origin, so Chromium asks Pass's CORS first.
/// </summary>
public static class TimetableSpa
{
    public static void Map(WebApplication app, Func<Uri> pass, string clientId)
    {
        const string page = "<!DOCTYPE html><html><head><title>Timetable</title><script src='/app.js' defer></script></head><body>"
            + "<h1>Timetable</h1><button id='spa-sign-in'>Sign in with Pass</button><p id='spa-user'></p><p id='spa-check'></p><p id='spa-error'></p></body></html>";
        app.MapGet("/", () => Results.Content(page, "text/html"));
        app.MapGet("/callback", () => Results.Content(page, "text/html"));
        app.MapGet("/app.js", () => Results.Content(Script(pass(), clientId), "text/javascript"));
    }

    private static string Script(Uri pass, string clientId) => $$"""
        const pass = "{{pass.ToString().TrimEnd('/')}}", clientId = "{{clientId}}", redirect = location.origin + "/callback";
        const b64url = bytes => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
        document.getElementById("spa-sign-in").onclick = async () => {
          const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
          sessionStorage.setItem("verifier", verifier);
          const challenge = b64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
          location = pass + "/oauth/v2/authorize?" + new URLSearchParams({ client_id: clientId, response_type: "code", scope: "openid profile",
            redirect_uri: redirect, code_challenge: challenge, code_challenge_method: "S256", state: "t1" });
        };
        (async () => {
          const code = new URLSearchParams(location.search).get("code");
          if (!code) return;
          try {
            const tokens = await (await fetch(pass + "/oauth/v2/token", { method: "POST", body: new URLSearchParams({ grant_type: "authorization_code",
              code, redirect_uri: redirect, client_id: clientId, code_verifier: sessionStorage.getItem("verifier") }) })).json();
            const bearer = { headers: { Authorization: "Bearer " + tokens.access_token } };
            const me = await (await fetch(pass + "/oauth/v2/userinfo", bearer)).json();
            document.getElementById("spa-user").textContent = "Signed in as " + me.name;
            document.getElementById("spa-check").textContent = "check_token " + (await fetch(pass + "/oauth/v2/check_token", bearer)).status;
          } catch (e) {
            document.getElementById("spa-error").textContent = "blocked: " + e;
          }
        })();
        """;
}
