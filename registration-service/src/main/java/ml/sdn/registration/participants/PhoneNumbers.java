package ml.sdn.registration.participants;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Map;
import java.util.Optional;

/**
 * Phone numbers of the AES countries, by Google's libphonenumber: a number is accepted only if it is a
 * valid number of the given country's own plan (Mali +223, Burkina Faso +226, Niger +227), and kept in
 * E.164 ({@code +22365012345}). A national number ({@code 65 01 23 45}) is read in that country's plan;
 * an international one ({@code +226…}, {@code 00226…}) must belong to that country: a participant from
 * Burkina Faso cannot give a Malian number, even though both are AES countries.
 */
public final class PhoneNumbers {

    /** Calling codes of the three countries, for messages ("+223"). */
    public static final Map<String, String> CALLING_CODES = Map.of("ML", "+223", "BF", "+226", "NE", "+227");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The number in E.164 if {@code raw} is a valid number of {@code country}'s plan; empty if it is not
     * a number, belongs to another plan, or {@code country} is not ML, BF or NE.
     */
    public static Optional<String> toE164(String raw, String country) {
        if (raw == null || raw.isBlank() || country == null || !CALLING_CODES.containsKey(country)) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, country);
            if (!PHONES.isValidNumberForRegion(number, country)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
