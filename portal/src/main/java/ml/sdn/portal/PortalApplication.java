package ml.sdn.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.security.Security;
import java.time.Duration;

/**
 * The web portal: pages rendered on the server (Thymeleaf), served behind the gateway at {@code /}.
 * The gateway signs people in through Keycloak and relays their access token here; the portal checks
 * it again and calls the services' APIs with it. The portal keeps no data of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        lookNamesUpAgainWithin(Duration.ofSeconds(5));
        SpringApplication.run(PortalApplication.class, args);
    }

    /**
     * The JDK keeps a name's address 30 s (and a failed lookup 10 s) whatever the DNS says: a service's replica
     * recreated at another address (compose) would be sought at the old one that long. Before any lookup.
     */
    static void lookNamesUpAgainWithin(Duration ttl) {
        Security.setProperty("networkaddress.cache.ttl", Long.toString(ttl.toSeconds()));
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
    }
}
