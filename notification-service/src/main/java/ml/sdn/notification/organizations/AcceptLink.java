package ml.sdn.notification.organizations;

/**
 * The link an invitee opens: the portal's base URL (configuration) followed by the invitation's
 * {@code acceptPath} (from the event). The path must be a path on the portal — one leading slash, no
 * scheme, no host, no spaces — so that an event can never make the e-mail point elsewhere. Errors never
 * quote the path: it carries the one-time token.
 */
final class AcceptLink {

    private static final int MAX_PATH_LENGTH = 2048;

    private AcceptLink() {
    }

    static String of(String portalBaseUrl, String acceptPath) {
        if (portalBaseUrl == null || !portalBaseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("sdn.portal.base-url must be an http(s) URL without query, got " + portalBaseUrl);
        }
        if (acceptPath == null || acceptPath.length() > MAX_PATH_LENGTH || !acceptPath.startsWith("/")
                || acceptPath.startsWith("//") || !acceptPath.matches("[\\x21-\\x7E]+") || acceptPath.contains("\\")) {
            throw new IllegalArgumentException("Invitation acceptPath is not a path on the portal");
        }
        String base = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1) : portalBaseUrl;
        return base + acceptPath;
    }
}
