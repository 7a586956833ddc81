package ml.sdn.platform.web;

import ml.sdn.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Echoes the caller as the service sees them: proves the token, its roles and its country got through. */
@RestController
public class WhoAmIController {

    public record WhoAmI(String id, String username, List<String> roles, String country) {
    }

    @GetMapping("${sdn.service.api-prefix}/whoami")
    public WhoAmI whoami(Caller caller) {
        return new WhoAmI(caller.id(), caller.username(), caller.roles().stream().sorted().toList(), caller.country());
    }
}
