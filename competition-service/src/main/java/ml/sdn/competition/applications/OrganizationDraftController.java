package ml.sdn.competition.applications;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The drafts members hold for the caller's organisations: listed, taken over or deleted by the owner. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/applications/organization-drafts")
@PreAuthorize("hasRole('participant')")
class OrganizationDraftController {

    private final OrganizationDrafts drafts;

    OrganizationDraftController(OrganizationDrafts drafts) {
        this.drafts = drafts;
    }

    @Operation(summary = "The drafts members hold for the caller's organisations (their owner)",
            description = "Every draft another member holds for an organisation the caller owns (each takes the "
                    + "organisation's place in its category), newest change first; empty for anyone who owns none.")
    @GetMapping
    List<OrganizationDraftView> list(Caller caller) {
        return drafts.list(caller);
    }

    @Operation(summary = "Take over a member's draft (the organisation's owner)",
            description = "200 with the applicant's view: the draft becomes the owner's (content, PDF and place kept); "
                    + "DraftReleased (TAKEN_OVER) tells the member. 404 for anyone but the owner of the draft's "
                    + "organisation (and for the owner's own drafts); 409 when it is no longer a draft.")
    @PostMapping("/{id}/take-over")
    ApplicationView takeOver(Caller caller, @PathVariable String id) {
        return drafts.takeOver(caller, id);
    }

    @Operation(summary = "Delete a member's draft (the organisation's owner)",
            description = "204; the draft and its PDF go, the organisation's place is free; DraftReleased (DELETED) "
                    + "tells the member. 404 for anyone but the owner of the draft's organisation; 409 when it is no "
                    + "longer a draft or changed meanwhile.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        drafts.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
