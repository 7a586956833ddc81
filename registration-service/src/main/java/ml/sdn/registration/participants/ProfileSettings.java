package ml.sdn.registration.participants;

/**
 * What a person sets on their own profile, already checked and normalised: {@code phone} in E.164 or
 * null, {@code city} and {@code region} trimmed or null, {@code gender} never null.
 */
record ProfileSettings(String phone, String city, String region, Gender gender, String preferredLanguage,
                       String consentVersion) {
}
