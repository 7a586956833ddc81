package ml.sdn.notification.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sdn.portal.base-url} ({@code PORTAL_BASE_URL}): where people open the platform (the gateway's
 * public address); every e-mailed link is built on it with {@link #link(String)}.
 */
@ConfigurationProperties("sdn.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    /**
     * The portal's address of {@code path} (a path on the portal, query included, already encoded).
     *
     * @throws IllegalArgumentException when {@code path} is no path on the portal (the message never quotes it)
     */
    public String link(String path) {
        return PortalLink.of(baseUrl, path);
    }
}
