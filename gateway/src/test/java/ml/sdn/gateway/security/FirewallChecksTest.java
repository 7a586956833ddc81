package ml.sdn.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain checks accept exactly what Spring Security's expressions accept, code point by code point. */
class FirewallChecksTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void every_code_point_is_judged_as_by_the_expressions() {
        int differences = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String value = "a" + Character.toString(codePoint) + "b";
            if (FirewallChecks.NAMES.test(value) != NAMES.matcher(value).matches()
                    || FirewallChecks.HEADER_VALUES.test(value) != HEADER_VALUES.matcher(value).matches()) {
                differences++;
            }
        }
        assertThat(differences).isZero();
    }

    @Test
    void tokens_and_the_usual_headers_pass_control_characters_do_not() {
        assertThat(FirewallChecks.HEADER_VALUES.test("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/=")).isTrue();
        assertThat(FirewallChecks.HEADER_VALUES.test("fr-FR,fr;q=0.9,\tén;q=0.8")).isTrue();
        assertThat(FirewallChecks.HEADER_VALUES.test("")).isTrue();
        assertThat(FirewallChecks.HEADER_VALUES.test("evil\r\nSet-Cookie: x=1")).isFalse();
        assertThat(FirewallChecks.HEADER_VALUES.test("nul\u0000")).isFalse();
        assertThat(FirewallChecks.HEADER_VALUES.test("del\u007f")).isFalse();
        assertThat(FirewallChecks.HEADER_VALUES.test("unassigned\u0378")).isFalse();
        assertThat(FirewallChecks.NAMES.test("X-Name\t")).isFalse();
        assertThat(FirewallChecks.NAMES.test("X-Trace-Id")).isTrue();
    }

    @Test
    void an_absent_header_passes_as_with_spring_security() {
        assertThat(FirewallChecks.NAMES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null)).isTrue();
        assertThat(FirewallChecks.HEADER_VALUES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null)).isTrue();
    }

    @Test
    void unpaired_surrogates_and_supplementary_characters_as_the_expressions() {
        for (String value : new String[] {"\uD83D\uDE00", "\uD83D", "\uDE00x", "x\uD83D", "\uDB40\uDC01"}) {
            assertThat(FirewallChecks.HEADER_VALUES.test(value)).as(value).isEqualTo(HEADER_VALUES.matcher(value).matches());
            assertThat(FirewallChecks.NAMES.test(value)).as(value).isEqualTo(NAMES.matcher(value).matches());
        }
    }
}
