package ml.sdn.portal.badges;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /organizer/badges} and {@code /coordinator/badges}: printing a day's badges in one PDF, on A4
 * sheets of four or one per page. The form is a plain GET to the PDF's route, so it works without
 * JavaScript and the browser downloads the file; when the service refuses (nobody to print, a bad choice)
 * that route shows the page again with the reason, never an empty or broken file. A coordinator prints their
 * delegation's badges only: registration-service scopes them by the token, whatever the form says. Both may
 * print one category only (the speakers' badges, the press's), in words on the form.
 */
@Controller
class BadgesController {

    static final List<String> DELEGATIONS = List.of("ML", "BF", "NE");
    static final List<String> LAYOUTS = List.of("sheet", "single");
    /** Who people are at the week (registration-service's categories), each printed on its colour. */
    static final List<String> CATEGORIES = List.of("PARTICIPANT", "DELEGATION_MEMBER", "SPEAKER", "JURY", "PRESS",
            "OFFICIAL", "STAFF");
    private static final String API = "/api/registrations/attendance";

    private final Apis apis;
    private final MessageSource messages;

    BadgesController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    /** What the form asked for, echoed back into it. */
    record Choice(String day, String country, String layout, String category) {
        Choice {
            layout = layout == null || layout.isBlank() ? "sheet" : layout;
            country = country == null ? "" : country;
            category = category == null ? "" : category;
        }
    }

    @GetMapping("/organizer/badges")
    @PreAuthorize("hasRole('organizer')")
    String organizer(@RequestParam(required = false) String day, @RequestParam(required = false) String country,
                     @RequestParam(required = false) String layout, @RequestParam(required = false) String category,
                     Model model) {
        return page("/organizer", new Choice(day, country, layout, category), model);
    }

    @GetMapping("/coordinator/badges")
    @PreAuthorize("hasRole('coordinator')")
    String coordinator(@RequestParam(required = false) String day, @RequestParam(required = false) String layout,
                       @RequestParam(required = false) String category, Model model) {
        return page("/coordinator", new Choice(day, null, layout, category), model);
    }

    @GetMapping("/organizer/badges/badges.pdf")
    @PreAuthorize("hasRole('organizer')")
    Object organizerPdf(@RequestParam(required = false) String day, @RequestParam(required = false) String country,
                        @RequestParam(required = false) String layout, @RequestParam(required = false) String category,
                        Model model) {
        return pdf("/organizer", new Choice(day, country, layout, category), model);
    }

    @GetMapping("/coordinator/badges/badges.pdf")
    @PreAuthorize("hasRole('coordinator')")
    Object coordinatorPdf(@RequestParam(required = false) String day, @RequestParam(required = false) String layout,
                          @RequestParam(required = false) String category, Model model) {
        return pdf("/coordinator", new Choice(day, null, layout, category), model);
    }

    private String page(String base, Choice choice, Model model) {
        List<LocalDate> days = days();
        model.addAttribute("base", base);
        model.addAttribute("days", days);
        model.addAttribute("delegations", DELEGATIONS);
        model.addAttribute("layouts", LAYOUTS);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("choice", choice.day() == null && !days.isEmpty()
                ? new Choice(days.get(0).toString(), choice.country(), choice.layout(), choice.category()) : choice);
        return "badges/badges";
    }

    private Object pdf(String base, Choice choice, Model model) {
        if (choice.day() == null || choice.day().isBlank()) {
            FormErrors.showField(model, "day", messages.getMessage("badges.day.required", null, LocaleContextHolder.getLocale()));
            return refusedPage(base, choice, model, HttpStatus.BAD_REQUEST);
        }
        try {
            ResponseEntity<byte[]> pdf = apis.registration().get()
                    .uri(uri -> uri.path(API + "/days/{day}/badges.pdf").queryParam("layout", choice.layout())
                            .queryParamIfPresent("country", Optional.of(choice.country()).filter(c -> !c.isBlank()))
                            .queryParamIfPresent("category", Optional.of(choice.category()).filter(c -> !c.isBlank()))
                            .build(choice.day().strip()))
                    .accept(MediaType.APPLICATION_PDF, MediaType.ALL).retrieve().toEntity(byte[].class);
            String disposition = pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition : "attachment; filename=\"badges.pdf\"")
                    .body(pdf.getBody());
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            Map<String, String> errors = new LinkedHashMap<>(refused.problem().fieldErrors());
            // the service names the path's "date"; the form calls it "day"
            if (errors.containsKey("date")) {
                errors.put("day", errors.remove("date"));
            }
            model.addAttribute("fieldErrors", errors);
            return refusedPage(base, choice, model, HttpStatus.valueOf(refused.status()));
        }
    }

    private ModelAndView refusedPage(String base, Choice choice, Model model, HttpStatus status) {
        ModelAndView page = new ModelAndView(page(base, choice, model), model.asMap());
        page.setStatus(status);
        return page;
    }

    private List<LocalDate> days() {
        List<Day> days = apis.registration().get().uri(API + "/days").retrieve()
                .body(new ParameterizedTypeReference<List<Day>>() { });
        return days == null ? List.of() : days.stream().map(Day::day).toList();
    }

    /** A day open to registration (other fields of the service's answer are ignored). */
    record Day(LocalDate day) {
    }
}
