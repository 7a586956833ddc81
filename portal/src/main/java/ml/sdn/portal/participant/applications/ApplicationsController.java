package ml.sdn.portal.participant.applications;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.home.PublicEdition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /me/applications}: the participant's applications with their status and receipt reference; a new
 * draft (every field of competition-service's application), editing, an optional PDF, submitting and
 * withdrawing. The service decides what is allowed when; the page shows its answer next to the fields.
 */
@Controller
@RequestMapping("/me/applications")
@PreAuthorize("hasRole('participant')")
class ApplicationsController {

    static final String API = "/api/competitions/applications";

    private final Apis apis;
    private final MessageSource messages;
    private final DataSize maxPdfSize;

    ApplicationsController(Apis apis, MessageSource messages, @Value("${sdn.portal.max-pdf-size}") DataSize maxPdfSize) {
        this.apis = apis;
        this.messages = messages;
        this.maxPdfSize = maxPdfSize;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("applications", apis.competition().get().uri(API + "/mine").retrieve()
                .body(new ParameterizedTypeReference<List<ApplicationLine>>() { }));
        return "participant/applications";
    }

    @GetMapping("/new")
    String newDraft(@RequestParam(required = false) String edition, @RequestParam(required = false) String category,
                    Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("categoryId", category);
        return newForm(edition, form, model);
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Model model) {
        try {
            MyApplication created = apis.competition().post().uri(API).body(ApplicationForm.body(form, true))
                    .retrieve().body(MyApplication.class);
            return "redirect:/me/applications/" + created.id() + "?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return newForm(form.get("edition"), form, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        MyApplication application = read(id);
        return detail(application, ApplicationForm.of(application), model);
    }

    @PostMapping("/{id}")
    String edit(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        try {
            apis.competition().put().uri(API + "/{id}", id).body(ApplicationForm.body(form, false)).retrieve().toBodilessEntity();
            return "redirect:/me/applications/" + id + "?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return detail(read(id), form, model);
        }
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable String id, Model model) {
        return act(id, "/submit", "submitted", model);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable String id, Model model) {
        return act(id, "/withdraw", "withdrawn", model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, Model model) {
        try {
            apis.competition().delete().uri(API + "/{id}", id).retrieve().toBodilessEntity();
            return "redirect:/me/applications?deleted";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            MyApplication application = read(id);
            return detail(application, ApplicationForm.of(application), model);
        }
    }

    /** The PDF goes on to the service as it came (the service checks it is a PDF and its size). */
    @PostMapping("/{id}/attachment")
    String upload(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file != null && file.getSize() > maxPdfSize.toBytes()) {
            // competition-service would refuse it: say so here rather than send it megabytes it will not keep
            FormErrors.showField(model, "file", messages.getMessage("participant.application.pdfTooLarge",
                    new Object[] {maxPdfSize.toMegabytes()}, LocaleContextHolder.getLocale()));
            MyApplication application = read(id);
            return detail(application, ApplicationForm.of(application), model);
        }
        // a plain map of parts, written by the servlet stack's form converter (MultipartBodyBuilder belongs to
        // the reactive stack and needs Reactive Streams, which the packaged portal does not carry)
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (file != null && !file.isEmpty()) {
            String name = file.getOriginalFilename() == null ? "document.pdf" : file.getOriginalFilename();
            HttpHeaders partHeaders = new HttpHeaders();
            partHeaders.setContentType(MediaType.APPLICATION_PDF);
            parts.add("file", new HttpEntity<>(new ByteArrayResource(file.getBytes()) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, partHeaders));
        }
        try {
            apis.competition().post().uri(API + "/{id}/attachment", id).contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts).retrieve().toBodilessEntity();
            return "redirect:/me/applications/" + id + "?uploaded";
        } catch (ApiException refused) {
            FormErrors.showOn(model, refused, "file"); // "too large" names no field: it is the file's
            MyApplication application = read(id);
            return detail(application, ApplicationForm.of(application), model);
        }
    }

    @GetMapping("/{id}/attachment")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        ResponseEntity<byte[]> file = apis.competition().get().uri(API + "/{id}/attachment", id).retrieve().toEntity(byte[].class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        return ResponseEntity.ok().headers(headers).body(file.getBody());
    }

    private String act(String id, String action, String flag, Model model) {
        try {
            apis.competition().post().uri(API + "/{id}" + action, id).retrieve().toBodilessEntity();
            return "redirect:/me/applications/" + id + "?" + flag;
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            MyApplication application = read(id);
            return detail(application, ApplicationForm.of(application), model);
        }
    }

    private MyApplication read(String id) {
        return apis.competition().get().uri(API + "/{id}", id).retrieve().body(MyApplication.class);
    }

    private String detail(MyApplication application, Map<String, String> form, Model model) {
        model.addAttribute("myApplication", application);
        model.addAttribute("feedback", feedback(application));
        model.addAttribute("form", form);
        model.addAttribute("teamRows", ApplicationForm.TEAM_ROWS);
        model.addAttribute("categories", List.of(category(application.editionId(), application.categoryId())));
        return "participant/application";
    }

    /**
     * The jury's comments once the preselection is confirmed, where the category shares them; the service answers
     * 404 whenever there is nothing to read, which the page shows as no section at all.
     */
    private JuryFeedback feedback(MyApplication application) {
        if (application.selection() == null) {
            return null;
        }
        try {
            return apis.competition().get().uri(API + "/{id}/feedback", application.id()).retrieve().body(JuryFeedback.class);
        } catch (ApiException nothing) {
            if (nothing.problem().status() == 404) {
                return null;
            }
            throw nothing;
        }
    }

    private String newForm(String editionId, Map<String, String> form, Model model) {
        String edition = editionId == null || editionId.isBlank() ? currentEditionId() : editionId;
        List<PublicEdition.Category> categories = edition == null ? List.of() : apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories", edition).retrieve()
                .body(new ParameterizedTypeReference<List<PublicEdition.Category>>() { });
        model.addAttribute("edition", edition);
        model.addAttribute("categories", categories);
        model.addAttribute("organizations", organizations());
        model.addAttribute("form", form);
        model.addAttribute("teamRows", ApplicationForm.TEAM_ROWS);
        return "participant/application-new";
    }

    private List<OrganizationChoice> organizations() {
        try {
            return apis.registration().get().uri("/api/registrations/organizations/mine")
                    .retrieve().body(new ParameterizedTypeReference<List<OrganizationChoice>>() { });
        } catch (ApiException refused) {
            if (refused.isClientError()) {
                return List.of(); // no profile yet: applying alone is still offered, the service says what is missing
            }
            throw refused;
        }
    }

    private PublicEdition.Category category(String editionId, String categoryId) {
        return apis.competition().get().uri("/api/competitions/editions/{id}/categories/{categoryId}", editionId, categoryId)
                .retrieve().body(PublicEdition.Category.class);
    }

    private String currentEditionId() {
        try {
            PublicEdition.Edition current = apis.competition().get().uri("/api/competitions/editions/current")
                    .retrieve().body(PublicEdition.Edition.class);
            return current == null ? null : current.id();
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }

    /** An organisation the participant may apply for. */
    record OrganizationChoice(String id, String name, String type) {
    }
}
