package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** Organisations: registered by a participant (their owner), seen by their members, organizers and their country's coordinator. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/organizations")
class OrganizationController {

    static final String WOMEN_LED_RULE = "womenLed is derived, never typed in (a value sent is ignored): an organisation "
            + "is women-led when its lead is a woman, or when women are the strict majority of all its members (members "
            + "of unstated gender count as members, not as women; a tie is not a majority).";

    private final Organizations organizations;
    private final MessageSource messages;
    private final String apiPrefix;

    OrganizationController(Organizations organizations, MessageSource messages,
                           @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.organizations = organizations;
        this.messages = messages;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Register an organisation; the caller (who needs a participant profile) is its owner and a member",
            description = WOMEN_LED_RULE + " 201 with Location; 400 naming each invalid field (country must be the "
                    + "caller's own); 409 when the name (ignoring case and accents) is taken in the country, when the caller "
                    + "already belongs to an organisation of this type, or has no participant profile yet.")
    @PostMapping
    @AcceptsIdempotencyKey
    @PreAuthorize("hasRole('participant')")
    ResponseEntity<OrganizationView> register(Caller caller, @Valid @RequestBody OrganizationRequest request) {
        OrganizationView created = organizations.register(caller, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/organizations/" + created.id())).body(created);
    }

    public record SectorView(String code, String label) {
    }

    @Operation(summary = "The sectors an organisation can choose, labelled in the request's language (French by default)")
    @GetMapping("/sectors")
    List<SectorView> sectors() {
        return Arrays.stream(Sector.values()).map(sector -> new SectorView(sector.name(),
                messages.getMessage("organization.sector." + sector.name(), null, sector.name(), LocaleContextHolder.getLocale())))
                .toList();
    }

    @Operation(summary = "The organisations the caller owns or belongs to")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('participant')")
    List<OrganizationView> mine(Caller caller) {
        return organizations.mine(caller);
    }

    @Operation(summary = "Organisations, paged: all for organizers, their own country's for a coordinator",
            description = "Filters: country, type, sector, womenLed, q (part of the name, ignoring case and accents). " + WOMEN_LED_RULE)
    @GetMapping
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    Organizations.Page list(Caller caller,
                            @RequestParam(required = false) @Pattern(regexp = "ML|BF|NE", message = "{organization.country.invalid}") String country,
                            @RequestParam(required = false) @Pattern(regexp = "START_UP|SME|PROJECT_TEAM", message = "{organization.type.invalid}") String type,
                            @RequestParam(required = false) @OneOf(value = Sector.class, message = "{organization.sector.invalid}") String sector,
                            @RequestParam(required = false) Boolean womenLed,
                            @RequestParam(required = false) @Size(max = 120, message = "{organization.name.size}") String q,
                            @RequestParam(defaultValue = "0") @Min(value = 0, message = "{organization.page.invalid}")
                            @Max(value = 100_000, message = "{organization.page.invalid}") int page,
                            @RequestParam(defaultValue = "20") @Min(value = 1, message = "{organization.size.invalid}")
                            @Max(value = 100, message = "{organization.size.invalid}") int size) {
        return organizations.list(caller, country, type, sector, womenLed, q, page, size);
    }

    @Operation(summary = "One organisation, for its members, organizers and its country's coordinator (404 for anyone else)",
            description = WOMEN_LED_RULE + " A member's gender is shown to organizers, to that member, and to the owner "
                    + "for the members they declared; participant ids to organizers, the coordinator and their owner.")
    @GetMapping("/{id}")
    OrganizationView read(Caller caller, @PathVariable String id) {
        return organizations.read(caller, id);
    }

    @Operation(summary = "Change an organisation (its owner only; 404 for anyone else)",
            description = "The whole team is listed: existing members by memberId, new declared members without. "
                    + "womenLed is recomputed. 409 when updatedAt is sent and the organisation changed since, or the new "
                    + "name is taken in the country. " + WOMEN_LED_RULE)
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('participant')")
    OrganizationView update(Caller caller, @PathVariable String id,
                            @Valid @RequestBody OrganizationUpdate request) {
        return organizations.update(caller, id, request);
    }
}
