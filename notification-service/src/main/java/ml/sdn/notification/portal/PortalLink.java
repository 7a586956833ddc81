package ml.sdn.notification.portal;

/**
 * A link people open from a notification: the portal's base URL (configuration) followed by a path.
 * The path must be a path on the portal — one leading slash, no scheme, no host, no spaces — so that an
 * event can never make an e-mail point elsewhere (an invitation's {@code acceptPath} comes from the
 * event). Errors never quote the path: it may carry a one-time token.
 */
final class PortalLink {

    private static final int MAX_PATH_LENGTH = 2048;

    private PortalLink() {
    }

    static String of(String portalBaseUrl, String path) {
        if (portalBaseUrl == null || !portalBaseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("sdn.portal.base-url must be an http(s) URL without query, got " + portalBaseUrl);
        }
        if (path == null || path.length() > MAX_PATH_LENGTH || !path.startsWith("/")
                || path.startsWith("//") || !path.matches("[\\x21-\\x7E]+") || path.contains("\\")) {
            throw new IllegalArgumentException("Link path is not a path on the portal");
        }
        String base = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1) : portalBaseUrl;
        return base + path;
    }
}
