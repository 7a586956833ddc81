package ml.sdn.gateway.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.function.Predicate;

/**
 * Spring Security's firewall with its own rules, checked without regular expressions. Its default header
 * checks ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, a tab allowed in values) run again on every read of a
 * header, and the gateway reads the Authorization header (a token of about a kilobyte) several times per
 * request: that matching was 2–5 % of its CPU under load. These loops accept exactly the same strings
 * (FirewallChecksTest compares them with the expressions over every code point).
 */
final class FirewallChecks {

    /** Header and parameter names: every code point assigned and not a control character. */
    static final Predicate<String> NAMES = value -> assignedAndNotControl(value, false);
    /** Header values: the same, and a tab. */
    static final Predicate<String> HEADER_VALUES = value -> assignedAndNotControl(value, true);

    private FirewallChecks() {
    }

    static StrictServerWebExchangeFirewall firewall() {
        var firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(HEADER_VALUES);
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    /** A header that is absent (null) passes, as with Spring's predicates: there is nothing to check. */
    private static boolean assignedAndNotControl(String value, boolean tabAllowed) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (codePoint < 0x20 || codePoint >= 0x7f) { // printable ASCII, nearly every character, needs no lookup
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
