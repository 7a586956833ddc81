package ml.sdn.competition.editions;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Editions and their categories: created, changed, archived and made current by organizers, read by anyone. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/editions")
class EditionController {

    private final Editions editions;
    private final String apiPrefix;

    EditionController(Editions editions, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.editions = editions;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Create an edition (organizers)",
            description = "201 with Location; 400 naming every invalid field at once (startDate must fall in year, endDate not "
                    + "before startDate, guest countries a subset of ML, BF, NE); 409 when the number is taken.")
    @PostMapping
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<EditionView> create(Caller caller, @RequestBody EditionRequest request) {
        EditionView created = editions.create(caller, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/editions/" + created.id())).body(created);
    }

    @Operation(summary = "Every edition, the highest number first (organizers)",
            description = "Each says whether it is the current edition and whether it is archived.")
    @GetMapping
    @PreAuthorize("hasRole('organizer')")
    List<EditionView> list() {
        return editions.list();
    }

    @Operation(summary = "The current edition",
            description = "The edition organizers chose as the current one (PUT …/editions/current), whatever its number "
                    + "or dates; 404 when none was chosen.")
    @GetMapping("/current")
    EditionView current() {
        return editions.current();
    }

    @Operation(summary = "Choose the current edition (organizers)",
            description = "The public home page and new applications follow it. 400 naming editionId when missing, "
                    + "unknown or archived. Audited (CURRENT_EDITION_CHOSEN). Returns the edition.")
    @PutMapping("/current")
    @PreAuthorize("hasRole('organizer')")
    EditionView choose(Caller caller, @RequestBody CurrentEditionRequest request) {
        return editions.choose(caller, request);
    }

    @Operation(summary = "Change an edition (organizers)",
            description = "The same body and rules as creation, every invalid field named in one 400; 404 when unknown; "
                    + "409 when archived or when the number is another edition's. "
                    + "Audited (EDITION_CHANGED).")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('organizer')")
    EditionView update(Caller caller, @PathVariable String id, @RequestBody EditionRequest request) {
        return editions.update(caller, id, request);
    }

    @Operation(summary = "What the public home page tells about an edition (organizers)",
            description = "Venue's city, map link (https only), per category the prizes and who may enter, contact, "
                    + "questions and answers; every text in French and English (up to 2,000 characters; a text in one "
                    + "language only is a 400 naming the missing one, e.g. contact.en). Every field at fault named in one "
                    + "400; empty question or category rows are dropped. 404 when unknown; 409 when archived. Replaces "
                    + "the whole content. Returns the edition.")
    @PutMapping("/{id}/home")
    @PreAuthorize("hasRole('organizer')")
    EditionView home(Caller caller, @PathVariable String id, @RequestBody HomeContent request) {
        return editions.home(caller, id, request);
    }

    @Operation(summary = "Archive an edition (organizers)",
            description = "Kept with its categories and results, but it can no longer be chosen as the current edition. "
                    + "404 when unknown; 409 while it is the current edition (choose another first). Archiving twice "
                    + "changes nothing. Audited (EDITION_ARCHIVED).")
    @PostMapping("/{id}/archive")
    @PreAuthorize("hasRole('organizer')")
    EditionView archive(Caller caller, @PathVariable String id) {
        return editions.archive(caller, id);
    }

    @Operation(summary = "One edition (404 when unknown)")
    @GetMapping("/{id}")
    EditionView read(@PathVariable String id) {
        return editions.read(id);
    }

    @Operation(summary = "Add a category to an edition (organizers)",
            description = "Every invalid field is named in one 400 (bean rules and the rules below together). "
                    + "Phase starts are Bamako wall-clock times in the years 2000–2100 (none given: the usual calendar from "
                    + "the edition's dates, submissions eight months before the week); every phase once, each after "
                    + "the previous one (400 naming phases.<PHASE>); criteria weights sum to 100 (400 naming criteria); "
                    + "settings.minimumCompletedReviews at most settings.jurorsPerApplication (400 naming "
                    + "settings.minimumCompletedReviews); 404 for an unknown edition; 409 when the edition already has a "
                    + "category with this code.")
    @PostMapping("/{id}/categories")
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<CategoryView> addCategory(Caller caller, @PathVariable String id,
                                             @RequestBody CategoryRequest request) {
        CategoryView created = editions.addCategory(caller, id, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/editions/" + id + "/categories/" + created.id()))
                .body(created);
    }

    @Operation(summary = "An edition's categories, START_UP_CHALLENGE first (404 for an unknown edition)")
    @GetMapping("/{id}/categories")
    List<CategoryView> categories(@PathVariable String id) {
        return editions.categories(id);
    }

    @Operation(summary = "One category of an edition (404 when unknown)")
    @GetMapping("/{id}/categories/{categoryId}")
    CategoryView category(@PathVariable String id, @PathVariable String categoryId) {
        return editions.category(id, categoryId);
    }

    @Operation(summary = "Move a category's phases (organizers)",
            description = "The whole phase list as at creation (Bamako wall-clock times) and a reason. A phase that has "
                    + "started keeps its start (400 naming phases.<PHASE> if changed); a phase not started yet moves to "
                    + "any time from now on (a start up to one minute in the past is taken as now: \"open it right "
                    + "away\"); order rules and years (2000–2100) as at creation; 400 naming reason when missing; 404 "
                    + "for an unknown category of this edition; 409 when another change came first. Audited "
                    + "(PHASE_CHANGED, before → after); a phase opened now is announced at once (PhaseChanged). Returns "
                    + "the category.")
    @PutMapping("/{id}/categories/{categoryId}/phases")
    @PreAuthorize("hasRole('organizer')")
    CategoryView reschedule(Caller caller, @PathVariable String id, @PathVariable String categoryId,
                            @Valid @RequestBody RescheduleRequest request) {
        return editions.reschedule(caller, id, categoryId, request);
    }
}
