package io.hsmgate.console.internal;

import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import java.util.List;

/** Which console page shows which kind of item, for links between pages (e.g. the referrers of a refused delete). */
final class ItemLinks {

    static final String HSM = "hsm";
    static final String PRIVATE_KEYS = "hsm-private-keys";
    static final String TLS_CERTIFICATES = "hsm-tls-certificates";
    static final String PROXY_SERVERS = "hsm-proxy-servers";
    static final String STATUS = "hsm-status";

    private ItemLinks() {
    }

    static String label(ItemType type) {
        return switch (type) {
            case HSM_CONNECTION -> HSM;
            case PRIVATE_KEY -> PRIVATE_KEYS;
            case TLS_CERTIFICATE -> TLS_CERTIFICATES;
            case PROXY_SERVER -> PROXY_SERVERS;
        };
    }

    /** @return a list of links to the items, each saying its type and name */
    static String referrers(String appRoot, List<ItemRef> items) {
        StringBuilder html = new StringBuilder("<ul id=\"referrers\">");
        for (ItemRef item : items) {
            html.append("<li class=\"referrer\">").append(Html.text(item.type().label())).append(" <a href=\"")
                    .append(Html.attr(appRoot + "/" + label(item.type()) + "?id=" + item.id())).append("\">")
                    .append(Html.text(item.name())).append("</a></li>");
        }
        return html.append("</ul>").toString();
    }
}
