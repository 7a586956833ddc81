package ml.sdn.portal.incubation;

import ml.sdn.portal.api.Downloads;
import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organizer/incubation}: AGETIC's cohorts (one per edition) with their figures, a new cohort with its
 * milestone template; a cohort's page (its summary, template, incubatees and the coaches' loads); an incubatee's
 * page to assign or change the coach, graduate, or drop with the reason. incubation-service holds every rule and
 * checks every form; the pages put its words next to the fields.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
@RequestMapping("/organizer/incubation")
class OrganizerIncubationController {

    private static final String API = "/api/incubation";
    private static final String EDITIONS = "/api/competitions/editions";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Incubation.Cohort>> COHORTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Incubation.CoachLoad>> COACHES = new ParameterizedTypeReference<>() { };

    private final Apis apis;
    private final MessageSource messages;

    OrganizerIncubationController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping
    String cohorts(Model model) {
        List<Map<String, Object>> editions = editions();
        String current = editions.stream().filter(e -> Boolean.TRUE.equals(e.get("current")))
                .map(e -> String.valueOf(e.get("id"))).findFirst().orElse("");
        model.addAttribute("cohortForm", CohortForm.blank(current, List.of()));
        return cohortsPage(editions, model);
    }

    @PostMapping("/cohorts")
    String create(@RequestParam MultiValueMap<String, String> posted, Model model) {
        CohortForm form = CohortForm.of(posted);
        try {
            Incubation.Cohort created = apis.incubation().post().uri(API + "/cohorts").contentType(MediaType.APPLICATION_JSON)
                    .body(form.request()).retrieve().body(Incubation.Cohort.class);
            return "redirect:/organizer/incubation/cohorts/" + UriUtils.encodePathSegment(created.id(), StandardCharsets.UTF_8)
                    + "?created";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            Map<String, String> fields = new LinkedHashMap<>(form.pageFields(refused.problem().fieldErrors()));
            fields.putAll(form.portalErrors(messages, LocaleContextHolder.getLocale()));
            if (refused.status() == 409 && fields.isEmpty()) {
                // the edition already has its cohort: said next to the edition
                fields.put("editionId", refused.problem().message());
            }
            model.addAttribute("fieldErrors", fields);
            model.addAttribute("cohortForm", form);
            return cohortsPage(editions(), model);
        }
    }

    @GetMapping("/cohorts/{id}")
    String cohort(@PathVariable String id, Model model) {
        Incubation.Cohort cohort = apis.incubation().get().uri(API + "/cohorts/{id}", id).retrieve().body(Incubation.Cohort.class);
        model.addAttribute("cohort", cohort);
        model.addAttribute("edition", edition(cohort.editionId()));
        model.addAttribute("summary", apis.incubation().get().uri(API + "/cohorts/{id}/summary", id).retrieve()
                .body(Incubation.Summary.class));
        Incubation.IncubateePage incubatees = apis.incubation().get().uri(API + "/incubatees?cohortId={id}&size=100", id)
                .retrieve().body(Incubation.IncubateePage.class);
        model.addAttribute("incubatees", incubatees == null || incubatees.content() == null ? List.of() : incubatees.content());
        model.addAttribute("moreIncubatees", incubatees != null && incubatees.totalElements() > 100);
        model.addAttribute("coaches", coaches());
        return "incubation/cohort";
    }

    /** incubation-service's progress file of the cohort, CSV or XLSX (the user's language), handed on as a download. */
    @GetMapping("/cohorts/{id}/progress.{format:csv|xlsx}")
    ResponseEntity<byte[]> progressFile(@PathVariable String id, @PathVariable String format) {
        ResponseEntity<byte[]> file = apis.incubation().get().uri(API + "/cohorts/{id}/progress." + format, id)
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "avancement-incubation");
    }

    @GetMapping("/incubatees/{id}")
    String incubatee(@PathVariable String id, Model model) {
        return incubateePage(id, model);
    }

    @PostMapping("/incubatees/{id}/coach")
    String assignCoach(@PathVariable String id, @RequestParam(defaultValue = "") String coachId, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("coachId", coachId.strip());
        return step(id, "coach", body, "coachId", "assigned", model);
    }

    @PostMapping("/incubatees/{id}/graduate")
    String graduate(@PathVariable String id, Model model) {
        return step(id, "graduate", null, "graduate", "graduated", model);
    }

    @PostMapping("/incubatees/{id}/drop")
    String drop(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.strip());
        model.addAttribute("typedReason", reason);
        return step(id, "drop", body, "reason", "dropped", model);
    }

    /** One organizer step on an incubatee; a refusal comes back on the incubatee's page, next to the step's field. */
    private String step(String id, String step, Map<String, Object> body, String field, String done, Model model) {
        try {
            var request = step.equals("coach") ? apis.incubation().put().uri(API + "/incubatees/{id}/coach", id)
                    : apis.incubation().post().uri(API + "/incubatees/{id}/" + step, id);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            request.retrieve().toBodilessEntity();
            return "redirect:/organizer/incubation/incubatees/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
                    + "?" + done;
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            if (refused.status() == 409) {
                // no longer active (graduated or dropped a moment ago, in another tab): the page now says its status
                FormErrors.showField(model, field, messages.getMessage("incubation.incubatee.notActive", null,
                        LocaleContextHolder.getLocale()));
            } else {
                FormErrors.showOn(model, refused, field);
            }
            return incubateePage(id, model);
        }
    }

    private String incubateePage(String id, Model model) {
        Incubation.Incubatee incubatee = apis.incubation().get().uri(API + "/incubatees/{id}", id).retrieve()
                .body(Incubation.Incubatee.class);
        model.addAttribute("incubatee", incubatee);
        model.addAttribute("cohort", apis.incubation().get().uri(API + "/cohorts/{id}", incubatee.cohortId()).retrieve()
                .body(Incubation.Cohort.class));
        model.addAttribute("coaches", coaches().stream().filter(Incubation.CoachLoad::onRoster).toList());
        return "incubation/incubatee";
    }

    private String cohortsPage(List<Map<String, Object>> editions, Model model) {
        List<Incubation.Cohort> cohorts = apis.incubation().get().uri(API + "/cohorts").retrieve().body(COHORTS);
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        editions.forEach(e -> byId.put(String.valueOf(e.get("id")), e));
        model.addAttribute("cohorts", cohorts == null ? List.of() : cohorts);
        model.addAttribute("editions", byId);
        // an edition has one cohort: only those without one (and not archived) are offered for a new one
        List<String> taken = cohorts == null ? List.of() : cohorts.stream().map(Incubation.Cohort::editionId).toList();
        model.addAttribute("openEditions", editions.stream()
                .filter(e -> !taken.contains(String.valueOf(e.get("id"))) && !Boolean.TRUE.equals(e.get("archived"))).toList());
        return "incubation/cohorts";
    }

    private List<Map<String, Object>> editions() {
        List<Map<String, Object>> editions = apis.competition().get().uri(EDITIONS).retrieve().body(LIST);
        return editions == null ? List.of() : editions;
    }

    /** The cohort's edition, for its name; a page without it still shows the cohort. */
    private Map<String, Object> edition(String editionId) {
        try {
            return apis.competition().get().uri(EDITIONS + "/{id}", editionId).retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        } catch (ApiException unknown) {
            if (!unknown.isClientError()) {
                throw unknown;
            }
            return null;
        }
    }

    private List<Incubation.CoachLoad> coaches() {
        List<Incubation.CoachLoad> coaches = apis.incubation().get().uri(API + "/coaches").retrieve().body(COACHES);
        return coaches == null ? List.of() : coaches;
    }
}
