package dev.mcpgateway.auth.consent;

import dev.mcpgateway.auth.authorize.PendingAuthorization;
import dev.mcpgateway.auth.client.RedirectUris;

/**
 * The two pages a person sees: the consent page and the error page. Plain HTML forms with inline CSS, no
 * JavaScript; everything user-controlled (client names, URIs, scopes) is HTML-escaped.
 */
public final class Pages {

    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;
            justify-content:center;background:#f3f5f9;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
            color:#1d2433}.card{width:min(440px,92vw);background:#fff;border-radius:14px;padding:32px;
            box-shadow:0 8px 30px rgba(20,30,60,.12)}.brand{font-size:13px;font-weight:600;letter-spacing:.06em;
            text-transform:uppercase;color:#5b6b8c;margin-bottom:18px}h1{font-size:21px;margin:0 0 8px}
            p{margin:0 0 14px;color:#404b63}.client{font-weight:600;color:#1d2433}.host{font-family:ui-monospace,
            Menlo,monospace;font-size:13px;background:#eef1f7;border-radius:6px;padding:2px 6px}
            ul{list-style:none;margin:0 0 20px;padding:0;border:1px solid #e3e7ef;border-radius:10px}
            li{padding:10px 14px;border-top:1px solid #e3e7ef}li:first-child{border-top:0}
            .scope{font-family:ui-monospace,Menlo,monospace;font-size:13px}.server{color:#5b6b8c;font-size:13px}
            .actions{display:flex;gap:10px}button{flex:1;font:inherit;font-weight:600;border-radius:9px;
            padding:11px 14px;cursor:pointer;border:1px solid #c9d1e0;background:#fff;color:#1d2433}
            button.primary{background:#2457d6;border-color:#2457d6;color:#fff}.fine{margin-top:18px;font-size:12.5px;
            color:#6b7790}.error h1{color:#b42318}
            """;

    private Pages() {
    }

    public static String consent(String productName, PendingAuthorization pending, String csrfToken) {
        StringBuilder scopes = new StringBuilder();
        for (String scope : pending.scopes()) {
            scopes.append("<li><div class=\"scope\">").append(escape(scope)).append("</div>")
                    .append("<div class=\"server\">MCP server ").append(escape(pending.resourceName()))
                    .append(" &middot; ").append(escape(pending.resource())).append("</div></li>");
        }
        return page(productName, "Allow access?", """
                <h1>Allow <span class="client">%s</span> to use your tools?</h1>
                <p>After you sign in, it will be able to call these MCP tools as you, and will be sent back to
                <span class="host">%s</span>.</p>
                <ul>%s</ul>
                <form method="post" action="/consent">
                  <input type="hidden" name="request" value="%s">
                  <input type="hidden" name="csrf" value="%s">
                  <div class="actions">
                    <button type="submit" name="decision" value="deny" id="deny">Deny</button>
                    <button type="submit" name="decision" value="approve" id="approve" class="primary">Allow</button>
                  </div>
                </form>
                <p class="fine">Only allow applications you trust. You can revoke access at any time.</p>
                """.formatted(escape(pending.clientName()), escape(RedirectUris.host(pending.redirectUri())),
                scopes, escape(pending.id()), escape(csrfToken)), false);
    }

    public static String error(String productName, String message) {
        return page(productName, "Sign-in problem", """
                <h1>This sign-in cannot continue</h1>
                <p>%s</p>
                <p class="fine">You can close this window.</p>
                """.formatted(escape(message)), true);
    }

    private static String page(String productName, String title, String body, boolean error) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1">
                <title>%s</title><style>%s</style></head>
                <body><main class="card%s"><div class="brand">%s</div>%s</main></body></html>
                """.formatted(escape(title), STYLE, error ? " error" : "", escape(productName), body);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
