package ml.sdn.notification.organizations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sdn.portal.base-url} ({@code PORTAL_BASE_URL}): where people open the platform (the gateway's
 * public address); e-mailed links are built on it.
 */
@ConfigurationProperties("sdn.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String baseUrl) {
}
