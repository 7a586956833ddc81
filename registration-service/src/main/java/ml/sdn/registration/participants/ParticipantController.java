package ml.sdn.registration.participants;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The caller's own participant profile (there is no way to name another person's), and the participant
 * list for organizers and coordinators.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/participants")
@Tag(name = "Participants", description = "Participant profiles of the AES countries (ML, BF, NE): one per Keycloak user.")
class ParticipantController {

    private final Participants participants;
    private final ParticipantDirectory directory;
    private final MessageSource messages;

    ParticipantController(Participants participants, ParticipantDirectory directory, MessageSource messages) {
        this.participants = participants;
        this.directory = directory;
        this.messages = messages;
    }

    /** The phone and country checks that need the caller's delegation, with the annotations' checks, in one 400. */
    @InitBinder("profileRequest")
    void callerRules(WebDataBinder binder, Caller caller) {
        binder.addValidators(new CallerProfileRules(() -> {
            try {
                return participants.delegationOf(caller);
            } catch (CountryRequiredException none) {
                return null; // refused as a whole (403) by Participants
            }
        }, messages));
    }

    @PutMapping("/me")
    @Operation(summary = "Create (201) or update (200) the caller's profile",
            description = """
                    Name, username and e-mail come from the token. The country (the person's delegation) comes from \
                    the token at the first registration only, and stays for good: later tokens' country is not read \
                    (people can edit it in their account), an erasure keeps it, and only an organizer moves a person \
                    (PUT /participants/{id}/delegation). A `country` in the body equal to the delegation is ignored, \
                    a different one is refused (400 naming `country`). Fields the API does not \
                    know are ignored. PUT replaces: an optional field left out is cleared.
                    
                    `phone` (optional) must be a number of the plan of the caller's delegation (ML +223, BF +226, NE +227; \
                    a national number is read in that plan); a number of any other plan, another AES country's \
                    included, is refused (400 naming `phone`). It is stored and returned in E.164.
                    
                    `gender` is FEMALE, MALE or NOT_STATED (shown when none is given): it is shown only to the person \
                    and to organizers (never to coordinators or other participants); it serves the women-led prize \
                    and statistics.
                    
                    `consent` is required and must be accepted; the server dates it, and dates it again when the \
                    version changes (the earlier consents are kept, see the export). After an erasure, PUT starts a \
                    fresh profile (201), once every feature has erased the person's data (usually within seconds; \
                    before, 409). A token without an AES country gets 403.""")
    ResponseEntity<ParticipantView> saveMine(Caller caller, @Valid @RequestBody ProfileRequest request) {
        Participants.Saved saved = participants.createOrUpdate(caller, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.profile());
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's profile, gender included", description = "404 if the caller has none (or erased it).")
    ParticipantView mine(Caller caller) {
        return participants.of(caller);
    }

    @GetMapping("/me/export")
    @Operation(summary = "Download everything held about the caller (JSON attachment)",
            description = """
                    The profile, every consent given, and one section per feature of this service holding personal \
                    data (organisations, attendance…). 404 if the caller has no profile.""")
    ResponseEntity<Participants.PersonalDataExport> myExport(Caller caller) {
        Participants.PersonalDataExport export = participants.exportOf(caller);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sdn-personal-data-" + export.exportedAt().toString().substring(0, 10) + ".json")
                        .build().toString())
                // personal data on phones people share: not kept by browsers or proxies
                .cacheControl(CacheControl.noStore())
                .body(export);
    }

    @DeleteMapping("/me")
    @Operation(summary = "Erase the caller's personal data (204)",
            description = """
                    Anonymises the profile at once (name, username, e-mail, phone, city, region, gender and language \
                    removed; id, country, registration date, consents and the erasure date kept so that counts stay \
                    coherent) and publishes ParticipantErased on registration.participants in the same write. Every \
                    feature of this service erases its data when that event comes back, and every other service \
                    erases its copies, so the erasure completes even if a service stops in between. Afterwards the \
                    profile reads as absent (404) and is no longer listed; a new PUT starts a fresh profile. Erasing \
                    again answers 204 and publishes nothing more; a caller who never had a profile gets 404.""")
    ResponseEntity<Void> eraseMine(Caller caller) {
        participants.erase(caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/delegation")
    @PreAuthorize("hasRole('organizer')")
    @Operation(summary = "A person's delegation and every move of it (organizer)",
            description = "The country the person belongs to and the audit of its changes (from, to, why, by whom, when), "
                    + "oldest first. 404 if there is no such profile (or it was erased); 403 for every other role.")
    DelegationView delegation(@PathVariable @Size(max = 64) String id) {
        return participants.delegationOf(id);
    }

    @PutMapping("/{id}/delegation")
    @PreAuthorize("hasRole('organizer')")
    @Operation(summary = "Move a person to another delegation (organizer)",
            description = """
                    Organizers only: the person themself, coordinators and every other role get 403, and no other \
                    endpoint changes a delegation. `country` (ML, BF or NE) and `reason` (at most 500 characters) \
                    are required: 400 naming each missing or wrong field; the current delegation again is a 400 \
                    naming `country`. The move is kept in the history (from, to, why, by whom, when) and published \
                    as ParticipantDelegationChanged on registration.participants in the same write: the person's \
                    attendance, and the copies in competition and notification, follow. 404 for an unknown or \
                    erased profile.""")
    DelegationView move(Caller caller, @PathVariable @Size(max = 64) String id,
                        @Valid @RequestBody DelegationRequest request) {
        return participants.move(caller, id, request);
    }

    static final String SEARCH_RULES = """
            An organizer sees every participant, gender included. A coordinator sees only the participants of their \
            delegation (the `delegation` claim), whatever `country` says: asking for another country gives an empty \
            list, and another delegation's person is a 404, as if they did not exist. A coordinator sees contact \
            details (e-mail, phone) to support their delegation, never gender. Participants, jurors and coaches get \
            403. Erased profiles are not listed. `q` finds a part of the name, of an organisation's name (case and \
            accents ignored: "traore" finds "Traoré"), of the e-mail address (case ignored) or, when it looks like a \
            phone number, of the phone number (digits only). `organizationType`, `sector` and `womenLed` keep the \
            owners and members of matching organisations; `day` (ISO date) those registered for that day (confirmed \
            or waiting). A wrong value is a 400 naming the parameter.""";

    @GetMapping
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    @Operation(summary = "Search participants (organizer, coordinator)",
            description = "Paged, sorted by display name (accents and case ignored), then by id, so that pages never "
                    + "overlap. Each has the names of their organisations. " + SEARCH_RULES)
    ParticipantPage list(Caller caller,
                         @Parameter(description = "ML, BF or NE")
                         @RequestParam(required = false)
                         @Pattern(regexp = "(ML|BF|NE)?", message = "{participants.search.country.invalid}") String country,
                         @Parameter(description = "START_UP, SME or PROJECT_TEAM")
                         @RequestParam(required = false)
                         @Pattern(regexp = "(START_UP|SME|PROJECT_TEAM)?", message = "{participants.search.organizationType.invalid}")
                         String organizationType,
                         @Parameter(description = "A sector code of the organisations, e.g. E_GOVERNMENT")
                         @RequestParam(required = false) @Size(max = 40)
                         @Pattern(regexp = "([A-Z][A-Z0-9_]*)?", message = "{participants.search.sector.invalid}") String sector,
                         @Parameter(description = "true or false: members of women-led organisations, or of others")
                         @RequestParam(required = false) Boolean womenLed,
                         @Parameter(description = "A day of the week (2026-01-29): registered for it")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                         @Parameter(description = "Part of the name, organisation, e-mail or phone; case and accents ignored")
                         @RequestParam(required = false) @Size(max = 100) String q,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        // an empty parameter (a form's "any" choice) is no filter
        DirectoryScope scope = DirectoryScope.of(caller, blankToNull(country));
        ParticipantDirectory.Found found = directory.find(scope, filters(country, organizationType, sector, womenLed, day, q),
                page, size);
        Map<String, List<ParticipantDetail.Membership>> organizations = directory.memberships(
                found.participants().stream().map(Participant::id).toList());
        List<ParticipantSummary> content = found.participants().stream().map(p -> ParticipantSummary.of(p, scope,
                organizations.getOrDefault(p.id(), List.of()))).toList();
        return ParticipantPage.of(content, page, size, found.total());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    @Operation(summary = "One person as organizers and their delegation's coordinator see them",
            description = """
                    The person (as in the list), the organisations they own or belong to, and every day they \
                    registered for (confirmed, waiting or cancelled, with the check-in time). Their applications are \
                    competition-service's (GET /api/competitions/applications?applicantId=). 404 for an unknown or \
                    erased profile and, for a coordinator, for a person of another delegation (the same answer: it \
                    tells nothing); 403 for every other role.""")
    ParticipantDetail person(Caller caller, @PathVariable @Size(max = 64) String id) {
        DirectoryScope scope = DirectoryScope.of(caller, null);
        Participant person = directory.person(scope, id)
                .orElseThrow(() -> new NotFoundException("participant.not-found.other"));
        return new ParticipantDetail(ParticipantSummary.of(person, scope, directory.memberships(List.of(id))
                .getOrDefault(id, List.of())), directory.attendance(List.of(id), true).getOrDefault(id, List.of()));
    }

    static ParticipantDirectory.Filters filters(String country, String organizationType, String sector, Boolean womenLed,
                                                LocalDate day, String q) {
        return new ParticipantDirectory.Filters(blankToNull(country), blankToNull(organizationType), blankToNull(sector),
                womenLed, day, q);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
