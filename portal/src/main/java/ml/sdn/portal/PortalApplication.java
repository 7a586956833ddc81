package ml.sdn.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web portal: pages rendered on the server (Thymeleaf), served behind the gateway at {@code /}.
 * The gateway signs people in through Keycloak and relays their access token here; the portal checks
 * it again and calls the services' APIs with it. The portal keeps no data of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
