package ml.sdn.portal.home;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Optional;

/**
 * The first page everyone sees (a participant on a phone over a slow line): the current edition, its
 * theme, dates and venue, its categories with their deadlines, and the way in (sign in, sign up). Signed-in
 * people also see the links of their roles (in the layout's menu).
 */
@Controller
class HomeController {

    private final Apis apis;

    HomeController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/")
    String home(Model model) {
        currentEdition().ifPresent(edition -> {
            model.addAttribute("edition", edition);
            model.addAttribute("categories", apis.competition().get()
                    .uri("/api/competitions/editions/{id}/categories", edition.id())
                    .retrieve().body(new ParameterizedTypeReference<List<PublicEdition.Category>>() { }));
        });
        return "home/home";
    }

    /** {@code /signup}: Keycloak's registration form (with the country field), through the gateway's sign-in. */
    @GetMapping("/signup")
    String signUp() {
        return "redirect:/oauth2/authorization/keycloak?signup";
    }

    private Optional<PublicEdition.Edition> currentEdition() {
        try {
            return Optional.ofNullable(apis.competition().get().uri("/api/competitions/editions/current")
                    .retrieve().body(PublicEdition.Edition.class));
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return Optional.empty(); // no edition announced yet: the page says so
            }
            throw refused;
        }
    }
}
