package ml.sdn.registration.attendance;

import java.util.Locale;

/**
 * The rules of claiming a badge registered without an account, without storage (plain Java). The badge code is
 * a secret of 80 bits, but it is printed and shown at the door: whoever saw it must still prove they are the
 * person, with the phone or the e-mail given at registration. A phone number is guessable by someone patient,
 * so a badge takes {@link #MAX_FAILED} wrong answers and then only the organizers can help.
 */
final class BadgeClaim {

    /** Wrong proofs a badge takes before it can no longer be claimed. */
    static final int MAX_FAILED = 5;
    /** The digits a phone number must have to prove anything (a local number without its country code). */
    static final int MIN_PHONE_DIGITS = 8;

    private BadgeClaim() {
    }

    /**
     * Whether what the person typed is the e-mail (case ignored) or the phone (digits only, with or without the
     * country code) given when they were registered.
     */
    static boolean proves(String typed, String phone, String email) {
        if (typed == null || typed.isBlank()) {
            return false;
        }
        String text = typed.strip();
        if (text.contains("@")) {
            return email != null && email.strip().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
        }
        if (phone == null) {
            return false;
        }
        String given = text.replaceAll("\\D", "");
        String registered = phone.replaceAll("\\D", "");
        if (given.length() < MIN_PHONE_DIGITS || registered.isEmpty()) {
            return false;
        }
        // "+223 76 12 34 56" and "76 12 34 56" are the same phone: the shorter one must end the longer one
        return given.length() <= registered.length() ? registered.endsWith(given) : given.endsWith(registered);
    }

    static boolean locked(Integer failedClaims) {
        return failedClaims != null && failedClaims >= MAX_FAILED;
    }

    /** What becomes of one day the badge was registered for, given the account's own registration that day. */
    enum Merge {
        /** The account has no place that day (none, cancelled, or only waiting): the badge's registration becomes theirs. */
        MOVE,
        /** The account holds a confirmed place that day: it stays, and the badge's registration is folded into it. */
        KEEP_OWN
    }

    /**
     * @param own the account's own registration that day, null when it has none
     */
    static Merge merge(AttendanceStatus own, AttendanceStatus badges) {
        if (own == AttendanceStatus.CONFIRMED || badges != AttendanceStatus.CONFIRMED) {
            return Merge.KEEP_OWN;
        }
        return Merge.MOVE;
    }
}
