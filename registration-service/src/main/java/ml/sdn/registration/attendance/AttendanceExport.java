package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** Everything attendance holds about a person: their registrations (cancelled ones too) and their badge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceExport(List<AttendanceView> attendances, String badgeCode, Instant badgeIssuedAt) {
}
