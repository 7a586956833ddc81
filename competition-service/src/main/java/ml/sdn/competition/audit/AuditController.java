package ml.sdn.competition.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for organizers only: newest first, filtered by edition, category, subject or action. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "Read the audit trail (organizers)",
            description = "Every phase change, jury change, assignment, conflict, score change, preselection override, "
                    + "deadline extension and award, with who, when and why; newest first; page 0–100000, size 1–200 "
                    + "(400 naming the parameter).")
    @GetMapping
    @PreAuthorize("hasRole('organizer')")
    AuditTrail.AuditPage read(@RequestParam(required = false) @Size(max = 64) String editionId,
                              @RequestParam(required = false) @Size(max = 64) String categoryId,
                              @RequestParam(required = false) @Size(max = 200) String subjectId,
                              @RequestParam(required = false) AuditAction action,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        return trail.read(editionId, categoryId, subjectId, action, page, size);
    }
}
