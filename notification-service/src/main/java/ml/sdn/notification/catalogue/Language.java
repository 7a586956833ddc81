package ml.sdn.notification.catalogue;

import java.util.Locale;

/** The languages notifications are written in: French first, English for those who ask for it. */
public enum Language {

    FR(Locale.FRENCH),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** {@code "en"}, {@code "EN"} or {@code "en-GB"} → English; anything else, or nothing, → French. */
    public static Language of(String preferredLanguage) {
        if (preferredLanguage == null) {
            return FR;
        }
        return Locale.forLanguageTag(preferredLanguage.trim().replace('_', '-')).getLanguage().equals("en") ? EN : FR;
    }
}
