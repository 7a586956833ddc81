package ml.sdn.portal.results;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.home.PublicEdition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /results?edition=<id>}, public (notification e-mails link here): the published results of an
 * edition, per category the podium and the Special Prize for the best women-led initiative; "not
 * published yet" before publication; the not-found page for a missing, malformed or unknown edition id.
 */
@Controller
class ResultsController {

    /** Edition ids are the store's ids; anything else is not an edition (never sent on to the service). */
    static final Pattern EDITION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Apis apis;

    ResultsController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/results")
    String results(@RequestParam(name = "edition", required = false) String editionId, Model model) {
        if (editionId == null || !EDITION_ID.matcher(editionId).matches()) {
            throw notFound();
        }
        // the edition itself: 404 from the service → the not-found page
        PublicEdition.Edition edition = apis.competition().get().uri("/api/competitions/editions/{id}", editionId)
                .retrieve().body(PublicEdition.Edition.class);
        model.addAttribute("edition", edition);
        try {
            model.addAttribute("results", apis.competition().get().uri("/api/competitions/editions/{id}/results", editionId)
                    .retrieve().body(PublishedResults.class));
        } catch (ApiException refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            model.addAttribute("results", null); // the edition exists, its results are not published yet
        }
        return "results/results";
    }

    private static ApiException notFound() {
        return new ApiException(new ApiProblem(404, null, null, List.of()));
    }
}
