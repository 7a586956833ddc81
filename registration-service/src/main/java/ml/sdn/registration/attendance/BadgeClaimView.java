package ml.sdn.registration.attendance;

import java.util.List;

/**
 * A claim's outcome: the badge code that counts now ({@code paperBadgeReplaced}: the account had a badge already,
 * which stays, so the claimed code no longer opens the door) and the account's days.
 */
public record BadgeClaimView(String badgeCode, boolean paperBadgeReplaced, List<AttendanceView> days) {
}
