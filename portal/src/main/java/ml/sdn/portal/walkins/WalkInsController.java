package ml.sdn.portal.walkins;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /organizer/walk-ins} and {@code /coordinator/walk-ins}: registering people who have no account — one
 * person from a form, or many from a CSV file with a report line by line. Each gets a badge code, checked in at
 * the door like anyone's. Plain forms: no JavaScript needed. registration-service decides who may register whom
 * (a coordinator, their delegation only, by the token), so the coordinator's form has no country to choose and
 * sends none.
 */
@Controller
class WalkInsController {

    static final List<String> CATEGORIES = List.of("PARTICIPANT", "DELEGATION_MEMBER", "SPEAKER", "JURY", "PRESS",
            "OFFICIAL", "STAFF");
    static final List<String> DELEGATIONS = List.of("ML", "BF", "NE");
    private static final String API = "/api/registrations/attendance";

    /** The week's days are Bamako's: a day over there is no longer offered. */
    private static final java.time.ZoneId BAMAKO = java.time.ZoneId.of("Africa/Bamako");

    private final Apis apis;
    private final MessageSource messages;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    WalkInsController(Apis apis, MessageSource messages, org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this(apis, messages, clock.getIfUnique(java.time.Clock::systemUTC));
    }

    WalkInsController(Apis apis, MessageSource messages, java.time.Clock clock) {
        this.apis = apis;
        this.messages = messages;
        this.clock = clock;
    }

    /** The form's fields, echoed back into it when something is wrong. */
    record Form(String name, String category, String country, String organization, String phone, String email,
                List<String> days) {
        Form {
            days = days == null ? List.of() : days.stream().filter(d -> d != null && !d.isBlank()).toList();
        }

        static Form empty() {
            return new Form("", "PARTICIPANT", "", "", "", "", List.of());
        }
    }

    @GetMapping("/organizer/walk-ins")
    @PreAuthorize("hasRole('organizer')")
    String organizer(Model model) {
        return page("/organizer", Form.empty(), model);
    }

    @GetMapping("/coordinator/walk-ins")
    @PreAuthorize("hasRole('coordinator')")
    String coordinator(Model model) {
        return page("/coordinator", Form.empty(), model);
    }

    @PostMapping("/organizer/walk-ins")
    @PreAuthorize("hasRole('organizer')")
    ModelAndView registerByOrganizer(@ModelAttribute Form form, Model model) {
        return register("/organizer", form, model);
    }

    @PostMapping("/coordinator/walk-ins")
    @PreAuthorize("hasRole('coordinator')")
    ModelAndView registerByCoordinator(@ModelAttribute Form form, Model model) {
        // whatever country was slipped into the form: the service takes the coordinator's delegation
        return register("/coordinator", new Form(form.name(), form.category(), null, form.organization(), form.phone(),
                form.email(), form.days()), model);
    }

    @PostMapping("/organizer/walk-ins/import")
    @PreAuthorize("hasRole('organizer')")
    ModelAndView importByOrganizer(@RequestParam(name = "file", required = false) MultipartFile file,
                                   @RequestParam(name = "importDays", required = false) List<String> days, Model model)
            throws IOException {
        return importFile("/organizer", file, days, model);
    }

    @PostMapping("/coordinator/walk-ins/import")
    @PreAuthorize("hasRole('coordinator')")
    ModelAndView importByCoordinator(@RequestParam(name = "file", required = false) MultipartFile file,
                                     @RequestParam(name = "importDays", required = false) List<String> days, Model model)
            throws IOException {
        return importFile("/coordinator", file, days, model);
    }

    private ModelAndView register(String base, Form form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.name());
        body.put("category", form.category());
        body.put("country", form.country() == null || form.country().isBlank() ? null : form.country());
        body.put("organization", form.organization());
        body.put("phone", form.phone());
        body.put("email", form.email());
        body.put("days", form.days());
        try {
            WalkIn registered = apis.registration().post().uri(API + "/walk-ins").contentType(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().body(WalkIn.class);
            model.addAttribute("registered", registered);
            return view(page(base, Form.empty(), model), model, HttpStatus.OK);
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return view(page(base, form, model), model, HttpStatus.valueOf(refused.status()));
        }
    }

    private ModelAndView importFile(String base, MultipartFile file, List<String> days, Model model) throws IOException {
        List<String> chosen = days == null ? List.of() : days.stream().filter(d -> d != null && !d.isBlank()).toList();
        model.addAttribute("importDays", chosen);
        if (file == null || file.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("file", text("walkins.file.required"));
            if (chosen.isEmpty()) {
                errors.put("importDays", text("walkins.days.required"));
            }
            model.addAttribute("fieldErrors", errors);
            return view(page(base, Form.empty(), model), model, HttpStatus.BAD_REQUEST);
        }
        byte[] bytes = file.getBytes();
        try {
            Report report = apis.registration().post()
                    .uri(uri -> {
                        // each day as a URI variable: encoded as a value, whatever the form sent
                        Map<String, String> values = new LinkedHashMap<>();
                        uri.path(API + "/walk-ins/import");
                        for (int i = 0; i < chosen.size(); i++) {
                            uri.queryParam("day", "{day" + i + "}");
                            values.put("day" + i, chosen.get(i));
                        }
                        return uri.build(values);
                    })
                    .contentType(MediaType.valueOf("text/csv")).body(bytes).retrieve().body(Report.class);
            model.addAttribute("report", report);
            return view(page(base, Form.empty(), model), model, HttpStatus.OK);
        } catch (ApiException refused) {
            FormErrors.showOn(model, refused, "file");
            // the service names the days "days"; the import form's field is "importDays" (the person's form has its own)
            Map<String, String> errors = new LinkedHashMap<>(refused.problem().fieldErrors());
            if (errors.containsKey("days")) {
                errors.put("importDays", errors.remove("days"));
            }
            if (!errors.isEmpty()) {
                model.addAttribute("fieldErrors", errors);
            }
            return view(page(base, Form.empty(), model), model, HttpStatus.valueOf(refused.status()));
        }
    }

    private String page(String base, Form form, Model model) {
        model.addAttribute("base", base);
        model.addAttribute("days", days());
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("countries", countries(LocaleContextHolder.getLocale()));
        model.addAttribute("form", form);
        if (!model.containsAttribute("importDays")) {
            model.addAttribute("importDays", List.of());
        }
        return "walkins/walk-ins";
    }

    private static ModelAndView view(String name, Model model, HttpStatus status) {
        ModelAndView page = new ModelAndView(name, model.asMap());
        page.setStatus(status);
        return page;
    }

    /** The three delegations first, then every other country by its name in the page's language. */
    static List<Country> countries(Locale locale) {
        List<Country> countries = new ArrayList<>();
        DELEGATIONS.forEach(code -> countries.add(Country.of(code, locale)));
        java.util.Arrays.stream(Locale.getISOCountries()).filter(code -> !DELEGATIONS.contains(code))
                .map(code -> Country.of(code, locale))
                .sorted(Comparator.comparing(Country::name, java.text.Collator.getInstance(locale)))
                .forEach(countries::add);
        return countries;
    }

    record Country(String code, String name) {
        static Country of(String code, Locale locale) {
            return new Country(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale));
        }
    }

    private List<LocalDate> days() {
        List<Day> days = apis.registration().get().uri(API + "/days").retrieve()
                .body(new ParameterizedTypeReference<List<Day>>() { });
        LocalDate today = LocalDate.now(clock.withZone(BAMAKO));
        return days == null ? List.of() : days.stream().map(Day::day).filter(d -> !d.isBefore(today)).toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A day open to registration (other fields of the service's answer are ignored). */
    record Day(LocalDate day) {
    }

    /** The walk-in as registered: their badge code and days. */
    record WalkIn(String walkInId, String name, String category, String country, String organization, String badgeCode,
                  List<RegisteredDay> days) {
    }

    record RegisteredDay(LocalDate day, boolean newlyRegistered) {
    }

    /** The service's report of an import, line by line. */
    record Report(int registered, int alreadyRegistered, int rejected, List<Line> lines) {
    }

    record Line(int line, String name, String outcome, String badgeCode, List<FieldMessage> errors) {
        Line {
            errors = errors == null ? List.of() : errors;
        }
    }

    record FieldMessage(String field, String message) {
    }
}
