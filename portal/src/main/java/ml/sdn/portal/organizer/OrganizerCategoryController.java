package ml.sdn.portal.organizer;

import ml.sdn.portal.api.Downloads;
import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One category's organizer pages: its jury (roster by username with each juror's progress, automatic and
 * manual assignment, a review taken away with a reason, the conflicts jurors declared), its
 * explained ranking with the CSV export, and its preselection (confirm the top N, or another choice with a
 * reason). Every rule is competition-service's; the pages show what it answers.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
@RequestMapping("/organizer/editions/{edition}/categories/{category}")
class OrganizerCategoryController {

    static final Set<String> ROUNDS = Set.of("PRESELECTION", "FINAL");

    private final Apis apis;

    OrganizerCategoryController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/jury")
    String jury(@PathVariable String edition, @PathVariable String category, Model model) {
        return juryPage(edition, category, model);
    }

    /** Adds one juror to the roster ({@code add}) or takes one off ({@code remove}): the whole roster goes back to the service. */
    @PostMapping("/jury/roster")
    String roster(@PathVariable String edition, @PathVariable String category,
                  @RequestParam(name = "add", required = false) String add,
                  @RequestParam(name = "remove", required = false) String remove, Model model) {
        List<String> usernames = new ArrayList<>(rosterUsernames(category));
        if (add != null && !add.isBlank() && !usernames.contains(add.strip())) {
            usernames.add(add.strip());
        }
        if (remove != null) {
            usernames.remove(remove);
        }
        try {
            apis.competition().put().uri("/api/competitions/categories/{id}/jurors", category)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("usernames", usernames)).retrieve().toBodilessEntity();
            return "redirect:" + base(edition, category) + "/jury?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            // the service names usernames[i] (the whole roster goes back): every such message, with the person
            // and the reason, goes next to the one field of the page
            String named = rosterErrors(refused.problem().fieldErrors());
            if (named != null) {
                FormErrors.showField(model, "usernames", named);
            }
            model.addAttribute("typed", add);
            return juryPage(edition, category, model);
        }
    }

    /** The messages the service gave for {@code usernames} or {@code usernames[i]}, one after the other; null when none. */
    static String rosterErrors(Map<String, String> fieldErrors) {
        List<String> messages = fieldErrors.entrySet().stream()
                .filter(error -> error.getKey().equals("usernames") || error.getKey().startsWith("usernames["))
                .map(Map.Entry::getValue).distinct().toList();
        return messages.isEmpty() ? null : String.join(" ", messages);
    }

    @PostMapping("/jury/assignments")
    String assign(@PathVariable String edition, @PathVariable String category,
                  @RequestParam(name = "round", defaultValue = "PRESELECTION") String round, Model model) {
        try {
            Map<String, Object> run = apis.competition().post()
                    .uri("/api/competitions/categories/{id}/assignments?round={round}", category, round(round))
                    .retrieve().body(Json.OBJECT);
            model.addAttribute("run", run);
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
        }
        return juryPage(edition, category, model);
    }

    /** Gives one application to one juror of the roster, with the reason the audit trail keeps. */
    @PostMapping("/jury/manual")
    String assignManually(@PathVariable String edition, @PathVariable String category,
                          @RequestParam(name = "applicationId", required = false) String applicationId,
                          @RequestParam(name = "username", required = false) String username,
                          @RequestParam(name = "round", required = false) String round,
                          @RequestParam(name = "reason", required = false) String reason, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicationId", Json.blankToNull(applicationId));
        body.put("username", Json.blankToNull(username));
        if (round != null && ROUNDS.contains(round)) {
            body.put("round", round);
        }
        body.put("reason", Json.blankToNull(reason));
        try {
            apis.competition().post().uri("/api/competitions/categories/{id}/assignments/manual", category)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            return "redirect:" + base(edition, category) + "/jury?assigned";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("applicationId", applicationId);
            typed.put("username", username);
            typed.put("round", round);
            typed.put("reason", reason);
            model.addAttribute("manual", typed);
            return juryPage(edition, category, model);
        }
    }

    /** Takes a review away from its juror; the service wants the reason, said next to that review's field. */
    @PostMapping("/jury/assignments/{review}/remove")
    String removeAssignment(@PathVariable String edition, @PathVariable String category, @PathVariable String review,
                            @RequestParam(name = "reason", required = false) String reason, Model model) {
        try {
            apis.competition().delete().uri("/api/competitions/categories/{id}/assignments/{review}?reason={reason}",
                    category, review, reason == null ? "" : reason.strip()).retrieve().toBodilessEntity();
            return "redirect:" + base(edition, category) + "/jury?removed";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            String message = refused.problem().fieldErrors().get("reason");
            if (message != null) {
                FormErrors.showField(model, "removeReason", message);
            }
            model.addAttribute("removing", review);
            model.addAttribute("typedRemoveReason", reason);
            return juryPage(edition, category, model);
        }
    }

    @GetMapping("/ranking")
    String ranking(@PathVariable String edition, @PathVariable String category,
                   @RequestParam(name = "round", defaultValue = "PRESELECTION") String round, Model model) {
        model.addAttribute("ranking", apis.competition().get()
                .uri("/api/competitions/categories/{id}/ranking?round={round}", category, round(round))
                .retrieve().body(Json.OBJECT));
        model.addAttribute("round", round(round));
        return categoryPage(edition, category, model, "organizer/ranking");
    }

    /** competition-service's ranking file, CSV or XLSX (the user's language), handed on as a download. */
    @GetMapping("/ranking.{format:csv|xlsx}")
    ResponseEntity<byte[]> rankingFile(@PathVariable String category, @PathVariable String format,
                                       @RequestParam(name = "round", defaultValue = "PRESELECTION") String round) {
        ResponseEntity<byte[]> file = apis.competition().get()
                .uri("/api/competitions/categories/{id}/ranking." + format + "?round={round}", category, round(round))
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "classement-" + round(round).toLowerCase());
    }

    /** competition-service's jury progress file (per juror given, scored, remaining), CSV or XLSX, as a download. */
    @GetMapping("/jury.{format:csv|xlsx}")
    ResponseEntity<byte[]> juryFile(@PathVariable String category, @PathVariable String format) {
        ResponseEntity<byte[]> file = apis.competition().get().uri("/api/competitions/categories/{id}/jurors." + format, category)
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "avancement-jury");
    }

    @GetMapping("/preselection")
    String preselection(@PathVariable String edition, @PathVariable String category, Model model) {
        return preselectionPage(edition, category, model);
    }

    /** No ids: confirm the ranking's top N. Ids: another choice, which the service accepts only with a reason. */
    @PostMapping("/preselection")
    String preselect(@PathVariable String edition, @PathVariable String category,
                     @RequestParam(name = "applicationIds", required = false) List<String> applicationIds,
                     @RequestParam(name = "overrideReason", required = false) String overrideReason, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (applicationIds != null && !applicationIds.isEmpty()) {
            body.put("applicationIds", applicationIds);
        }
        if (overrideReason != null && !overrideReason.isBlank()) {
            body.put("overrideReason", overrideReason.strip());
        }
        try {
            apis.competition().post().uri("/api/competitions/categories/{id}/preselection", category)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            return "redirect:" + base(edition, category) + "/preselection?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("typedReason", overrideReason);
            model.addAttribute("chosen", applicationIds == null ? List.of() : applicationIds);
            return preselectionPage(edition, category, model);
        }
    }

    private String juryPage(String edition, String category, Model model) {
        model.addAttribute("roster", apis.competition().get().uri("/api/competitions/categories/{id}/jurors", category)
                .retrieve().body(Json.OBJECT));
        model.addAttribute("assignments", apis.competition().get()
                .uri("/api/competitions/categories/{id}/assignments?size=100", category).retrieve().body(Json.OBJECT));
        model.addAttribute("conflicts", apis.competition().get()
                .uri("/api/competitions/categories/{id}/assignments?status=CONFLICTED&size=100", category)
                .retrieve().body(Json.OBJECT));
        // what the manual assignment can give: the category's submitted applications (finalists are among them)
        model.addAttribute("submitted", apis.competition().get()
                .uri("/api/competitions/applications?editionId={edition}&categoryId={id}&status=SUBMITTED&size=100",
                        edition, category).retrieve().body(Json.OBJECT));
        model.addAttribute("categories", apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories", edition).retrieve().body(Json.LIST));
        return categoryPage(edition, category, model, "organizer/jury");
    }

    private String preselectionPage(String edition, String category, Model model) {
        try {
            model.addAttribute("decision", apis.competition().get()
                    .uri("/api/competitions/categories/{id}/preselection", category).retrieve().body(Json.OBJECT));
        } catch (ApiException refused) {
            if (refused.status() != 404) {
                throw refused;
            }
        }
        model.addAttribute("ranking", apis.competition().get()
                .uri("/api/competitions/categories/{id}/ranking?round=PRESELECTION", category).retrieve().body(Json.OBJECT));
        return categoryPage(edition, category, model, "organizer/preselection");
    }

    /** The category (its names, phase, criteria) for every page of it; 404 if it is not in that edition. */
    private String categoryPage(String edition, String category, Model model, String view) {
        model.addAttribute("editionId", edition);
        model.addAttribute("category", apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories/{category}", edition, category).retrieve().body(Json.OBJECT));
        model.addAttribute("base", base(edition, category));
        return view;
    }

    @SuppressWarnings("unchecked")
    private List<String> rosterUsernames(String category) {
        Map<String, Object> roster = apis.competition().get().uri("/api/competitions/categories/{id}/jurors", category)
                .retrieve().body(Json.OBJECT);
        List<String> usernames = new ArrayList<>();
        if (roster != null && roster.get("jurors") instanceof List<?> jurors) {
            for (Object juror : jurors) {
                if (juror instanceof Map<?, ?> entry && entry.get("username") != null) {
                    usernames.add(String.valueOf(entry.get("username")));
                }
            }
        }
        return usernames;
    }

    private static String round(String round) {
        return ROUNDS.contains(round) ? round : "PRESELECTION";
    }

    static String base(String edition, String category) {
        return "/organizer/editions/" + edition + "/categories/" + category;
    }
}
