package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Members join by invitation: the owner invites an e-mail address, the invitee accepts after signing in with it. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/organizations")
@PreAuthorize("hasRole('participant')")
class InvitationController {

    private final Invitations invitations;
    private final String apiPrefix;

    InvitationController(Invitations invitations, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.invitations = invitations;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Invite someone by e-mail (owner only; 404 for anyone else)",
            description = "The invitee receives a one-time link (/invitations/accept?token=…) that expires "
                    + "(sdn.organizations.invitation-ttl, 7 days by default). Inviting the same address again replaces "
                    + "the pending invitation.")
    @PostMapping("/{id}/invitations")
    @AcceptsIdempotencyKey
    ResponseEntity<InvitationView> invite(Caller caller, @PathVariable String id,
                                          @Valid @RequestBody InvitationRequest request) {
        InvitationView created = invitations.invite(caller, id, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/organizations/" + id + "/invitations/" + created.id()))
                .body(created);
    }

    @Operation(summary = "The organisation's invitations, newest first (owner only)")
    @GetMapping("/{id}/invitations")
    List<InvitationView> list(Caller caller, @PathVariable String id) {
        return invitations.of(caller, id);
    }

    @Operation(summary = "Withdraw a pending invitation (owner only): its link stops working; 409 if it is no longer pending")
    @DeleteMapping("/{id}/invitations/{invitationId}")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String id,
                                @PathVariable String invitationId) {
        invitations.revoke(caller, id, invitationId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Accept an invitation with the token from its link",
            description = "The caller needs a participant profile and must be signed in with the invited e-mail address, "
                    + "verified (the token's email_verified; 403 otherwise). Single use: 409 once used; 410 when expired or withdrawn; 404 for an unknown token; "
                    + "409 if the caller already belongs to an organisation of the same type. Answers the organisation.")
    @PostMapping("/invitations/accept")
    OrganizationView accept(Caller caller, @Valid @RequestBody AcceptInvitation request) {
        return invitations.accept(caller, request.token());
    }
}
