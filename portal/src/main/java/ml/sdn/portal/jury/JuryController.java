package ml.sdn.portal.jury;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A juror's pages: the applications they review (blind), and one application with its score sheet, the
 * conflict declaration and, once they have scored and if the category allows it, the other jurors' scores.
 * competition-service decides everything (what the juror may read, when scoring is open, every rule of the
 * sheet); the pages show its answers and its errors next to the fields.
 */
@Controller
@PreAuthorize("hasRole('jury')")
class JuryController {

    private final Apis apis;
    private final MessageSource messages;

    JuryController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping("/jury")
    String reviews(Model model) {
        List<JuryReview> reviews = mine();
        model.addAttribute("reviews", reviews.stream()
                .sorted(Comparator.comparing(JuryReview::scored).thenComparing(r -> r.application().title(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        model.addAttribute("toScore", reviews.stream().filter(r -> !r.scored()).count());
        return "jury/reviews";
    }

    @GetMapping("/jury/applications/{id}")
    String application(@PathVariable String id, @RequestParam(required = false) String others, Model model) {
        JuryReview review = reviewOf(id);
        if (others != null && review.scored() && revealsScores(review)) {
            OtherScores shown = otherScores(id);
            model.addAttribute("others", shown);
            if (shown != null) {
                review = reviewOf(id); // once shown the others' scores, the juror's own are final: the service now says so
            }
        }
        model.addAttribute("form", ScoreForm.stored(review));
        return page(review, model);
    }

    @PostMapping("/jury/applications/{id}/scores")
    String score(@PathVariable String id, @RequestParam Map<String, String> params, Model model) {
        JuryReview review = reviewOf(id);
        ScoreForm form = ScoreForm.typed(review.criteria(), params);
        model.addAttribute("form", form);
        // text that is no number goes as a missing score (which the service always refuses), so that the service
        // still judges every other field and the juror learns of every error in one answer; such a field shows
        // the portal's own message
        Map<String, String> unreadable = form.unreadableErrors(
                messages.getMessage("jury.score.notANumber", null, LocaleContextHolder.getLocale()));
        try {
            apis.competition().put().uri("/api/competitions/applications/{id}/reviews/mine", id)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("scores", form.body()))
                    .retrieve().toBodilessEntity();
        } catch (ApiException refused) {
            FormErrors.show(model, refused, unreadable);
            return page(review, model);
        }
        return "redirect:/jury/applications/" + id + "?saved";
    }

    @PostMapping("/jury/applications/{id}/conflict")
    String conflict(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        JuryReview review = reviewOf(id);
        try {
            apis.competition().post().uri("/api/competitions/applications/{id}/conflict", id)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason))
                    .retrieve().toBodilessEntity();
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("form", ScoreForm.stored(review));
            model.addAttribute("reason", reason);
            return page(review, model);
        }
        return "redirect:/jury?conflict";
    }

    private String page(JuryReview review, Model model) {
        model.addAttribute("review", review);
        model.addAttribute("revealsScores", review.scored() && revealsScores(review));
        return "jury/application";
    }

    private List<JuryReview> mine() {
        List<JuryReview> reviews = apis.competition().get().uri("/api/competitions/reviews/mine")
                .retrieve().body(new ParameterizedTypeReference<List<JuryReview>>() { });
        return reviews == null ? List.of() : reviews;
    }

    /** The juror's review of that application; not theirs (or unknown) → the not-found page, as the service would say. */
    private JuryReview reviewOf(String applicationId) {
        return pick(mine(), applicationId).orElseThrow(() -> new ApiException(new ApiProblem(404, null, null, List.of())));
    }

    /**
     * The review a juror works on for one application: the one whose round is being scored, else the
     * latest (a finalist has a preselection review and a final one).
     */
    static Optional<JuryReview> pick(List<JuryReview> reviews, String applicationId) {
        List<JuryReview> ofApplication = reviews.stream()
                .filter(r -> r.application() != null && applicationId.equals(r.application().id())).toList();
        return ofApplication.stream().filter(JuryReview::scoringOpen).findFirst()
                .or(() -> ofApplication.stream().reduce((first, second) -> second));
    }

    private boolean revealsScores(JuryReview review) {
        try {
            CategoryRules category = apis.competition().get()
                    .uri("/api/competitions/editions/{edition}/categories/{category}", review.editionId(), review.categoryId())
                    .retrieve().body(CategoryRules.class);
            return category != null && category.revealsScores();
        } catch (ApiException unknown) {
            return false;
        }
    }

    private OtherScores otherScores(String applicationId) {
        try {
            return apis.competition().get().uri("/api/competitions/applications/{id}/reviews", applicationId)
                    .retrieve().body(OtherScores.class);
        } catch (ApiException refused) {
            if (refused.status() == 403) {
                return null; // not revealed (yet): the page says nothing more
            }
            throw refused;
        }
    }
}
