vcl 4.1;

# Kayano 14 Hub behind Varnish (see docs/operations.md, "Proxies and caches").
#
# The site marks what any reader may be given from a cache: `Cache-Control: public,
# s-maxage=N` (caching.pages). Everything else passes through. Public pages differ only
# by the cookie banner's state, the `consent_state` cookie, which is part of the key;
# the app sends a BAN after every editorial change, and Varnish drops every page.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
}

# The app servers, which send the BAN after a change. Keep it to your own network.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # The prefix the site is mounted under is set by whoever deploys it, never by a client:
    # gunicorn trusts a SCRIPT_NAME header from this proxy, and every link would start with it.
    unset req.http.SCRIPT_NAME;
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff, and readers with a message waiting, get pages of their own.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Campaign parameters that no page reads (the site ignores the same ones).
    set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z0-9_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    # The banner's state is the only part of the cookies a public page depends on: whether
    # the reader decided for the current cookie list, which the version at the start of
    # consent_state says (the groups after it change nothing in the page). A value not made
    # like a version is no decision, and shares the page of readers without the cookie.
    set req.http.X-Consent-State = "";
    if (req.http.Cookie ~ "(^|;\s*)consent_state=[A-Za-z0-9_-]{16}(\.|;|$)") {
        set req.http.X-Consent-State = regsub(req.http.Cookie, "^(.*;\s*)?consent_state=([A-Za-z0-9_-]{16}).*$", "\2");
    }
    # Look the page up even with cookies: the backend still gets them all on a miss.
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    # The scheme, as the TLS terminator in front says it: pages hold absolute links.
    hash_data(req.http.X-Forwarded-Proto);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    hash_data(req.http.X-Consent-State);
    return (lookup);
}

sub vcl_backend_response {
    # Keep only what the site marks public, and never a response that sets a cookie.
    if (beresp.http.Cache-Control !~ "(?i)public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The key already holds the banner's state (vcl_hash): the other cookies, which the
    # response's Vary: Cookie names, make no difference to a public page.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*Cookie\s*(,|$)", "\1");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^[,\s]+|[,\s]+$", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
