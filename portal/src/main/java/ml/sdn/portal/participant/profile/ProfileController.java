package ml.sdn.portal.participant.profile;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.participant.BamakoTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static ml.sdn.portal.participant.FormFields.text;

/**
 * {@code /me/profile}: the registration profile (phone, city, region, gender, language, consent) — completed
 * the first time, edited afterwards. Name, e-mail and country come from the account (Keycloak). The person's
 * data rights live here too: {@code /me/profile/export} hands on registration-service's export of everything
 * held (a JSON download), and {@code /me/profile/erase} explains what an erasure removes and keeps before the
 * person confirms it (a plain form: no script needed).
 */
@Controller
@RequestMapping("/me/profile")
@PreAuthorize("hasRole('participant')")
class ProfileController {

    /** The version of the participation terms the consent box refers to (the text is in the bundle). */
    static final String CONSENT_VERSION = "2026-01";
    static final String API = "/api/registrations/participants/me";

    private final Apis apis;

    ProfileController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String show(Model model) {
        Optional<Profile> profile = mine();
        showProfile(model, profile.orElse(null));
        model.addAttribute("form", profile.map(Profile::form).orElseGet(HashMap::new));
        return "participant/profile";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("preferredLanguage", text(form, "preferredLanguage"));
        body.put("phone", text(form, "phone"));
        body.put("city", text(form, "city"));
        body.put("region", text(form, "region"));
        body.put("gender", text(form, "gender"));
        body.put("consent", Map.of("accepted", "true".equals(form.get("consent")), "version", CONSENT_VERSION));
        try {
            apis.registration().put().uri(API).body(body).retrieve().toBodilessEntity();
            return "redirect:/me/profile?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            showProfile(model, mine().orElse(null));
            model.addAttribute("form", form);
            return "participant/profile";
        }
    }

    /** registration-service's export (every feature's data about the caller), handed on as a download. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        ResponseEntity<byte[]> export = apis.registration().get().uri(API + "/export")
                .accept(MediaType.APPLICATION_JSON).retrieve().toEntity(byte[].class);
        String disposition = export.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition
                        : "attachment; filename=\"sdn-personal-data.json\"")
                .body(export.getBody());
    }

    /** The confirmation step: what goes, what stays (anonymised), and the button that erases. */
    @GetMapping("/erase")
    String confirmErasure(Model model) {
        if (mine().isEmpty()) {
            return "redirect:/me/profile";
        }
        return "participant/erase";
    }

    @PostMapping("/erase")
    String erase() {
        try {
            apis.registration().delete().uri(API).retrieve().toBodilessEntity();
        } catch (ApiException refused) {
            if (refused.status() != 404) { // nothing (left) to erase: the same outcome for the person
                throw refused;
            }
        }
        return "redirect:/me/profile?erased";
    }

    private static void showProfile(Model model, Profile profile) {
        model.addAttribute("profile", profile);
        if (profile != null && profile.consent() != null) {
            model.addAttribute("consentAt", BamakoTime.of(profile.consent().acceptedAt()));
        }
    }

    private Optional<Profile> mine() {
        try {
            return Optional.ofNullable(apis.registration().get().uri(API).retrieve().body(Profile.class));
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return Optional.empty(); // not completed yet: the page asks for it
            }
            throw refused;
        }
    }
}
