package ml.sdn.registration.participants;

/**
 * What a person sets on their own profile, already checked and normalised: {@code phone} in E.164 or
 * null, {@code city} and {@code region} trimmed or null, {@code gender} null when the person gave none
 * (which is not the same as choosing NOT_STATED).
 */
record ProfileSettings(String phone, String city, String region, Gender gender, String preferredLanguage,
                       String consentVersion) {
}
