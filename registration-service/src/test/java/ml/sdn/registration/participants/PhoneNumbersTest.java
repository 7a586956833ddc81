package ml.sdn.registration.participants;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            65 01 23 45        | ML | +22365012345
            +223 65-01-23-45   | ML | +22365012345
            00223 65 01 23 45  | ML | +22365012345
            20 21 23 45        | ML | +22320212345
            70 12 34 56        | BF | +22670123456
            +226 70.12.34.56   | BF | +22670123456
            20 49 12 34        | BF | +22620491234
            93 12 34 56        | NE | +22793123456
            (+227) 93 12 34 56 | NE | +22793123456
            20 20 12 34        | NE | +22720201234
            """)
    void keeps_a_number_of_the_countrys_own_plan_in_e164(String raw, String country, String e164) {
        assertThat(PhoneNumbers.toE164(raw, country)).contains(e164);
    }

    @ParameterizedTest(name = "{0} in {1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            +226 70 12 34 56   | ML
            00226 70 12 34 56  | ML
            +223 65 01 23 45   | BF
            +227 93 12 34 56   | BF
            +223 65 01 23 45   | NE
            +33 6 12 34 56 78  | ML
            +225 01 23 45 6789 | NE
            65 01 23 45        | NE
            12                 | ML
            65 01 23 45 67 89  | ML
            '{"$gt": ""}'      | ML
            $where             | BF
            '   '              | ML
            65 01 23 45        | FR
            """)
    void refuses_what_is_not_a_valid_number_of_the_countrys_plan(String raw, String country) {
        assertThat(PhoneNumbers.toE164(raw, country)).isEmpty();
    }

    @ParameterizedTest(name = "national {0} reads in the caller''s plan: {1} gives {2}")
    @CsvSource(delimiter = '|', textBlock = """
            65 01 23 45 | ML | +22365012345
            65 01 23 45 | BF | +22665012345
            """)
    void a_national_number_is_read_in_the_callers_own_plan(String raw, String country, String e164) {
        assertThat(PhoneNumbers.toE164(raw, country)).contains(e164);
    }
}
