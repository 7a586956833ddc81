package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.platform.csv.SpreadsheetCsv;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The applications list as a spreadsheet file, like the ranking's: UTF-8 with a byte-order mark, ';'
 * separators, every text cell guarded against formula evaluation; words, never codes or ISO dates (status,
 * category, country, women-led, dates in Bamako time). Its first line names the edition and when the file
 * was made. Plain Java.
 */
final class ApplicationsCsv {

    /** The words of one language. */
    record Words(List<String> headers, String madeAt, Map<String, String> statuses, Map<String, String> categories,
                 Map<String, String> countries, String yes, String no, Locale locale) {

        static final Words FRENCH = new Words(List.of("Référence", "Titre", "Catégorie", "Pays", "Statut",
                "Portée par une femme", "Candidat·e", "Organisation", "Déposée le"), "Édition {0} — fichier établi le {1}",
                Map.of("DRAFT", "Brouillon", "SUBMITTED", "Déposée", "WITHDRAWN", "Retirée"),
                Map.of("START_UP_CHALLENGE", "Start-up Challenge", "PROJECT_CONTEST", "Concours de projets"),
                Map.of("ML", "Mali", "BF", "Burkina Faso", "NE", "Niger"), "oui", "non", Locale.FRENCH);
        static final Words ENGLISH = new Words(List.of("Reference", "Title", "Category", "Country", "Status",
                "Women-led", "Applicant", "Organisation", "Submitted on"), "Edition {0} — file made on {1}",
                Map.of("DRAFT", "Draft", "SUBMITTED", "Submitted", "WITHDRAWN", "Withdrawn"),
                Map.of("START_UP_CHALLENGE", "Start-up Challenge", "PROJECT_CONTEST", "Project contest"),
                Map.of("ML", "Mali", "BF", "Burkina Faso", "NE", "Niger"), "yes", "no", Locale.ENGLISH);

        static Words of(Locale locale) {
            return "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
        }

        String when(Instant instant) {
            return instant == null ? "" : SpreadsheetCsv.madeOn(instant, locale);
        }
    }

    private ApplicationsCsv() {
    }

    static byte[] bytes(String editionName, Instant madeAt, List<ApplicationStatusView> applications, Words words) {
        return file(editionName, madeAt, applications, words).bytes();
    }

    static String text(String editionName, Instant madeAt, List<ApplicationStatusView> applications, Words words) {
        return file(editionName, madeAt, applications, words).text();
    }

    static SpreadsheetCsv file(String editionName, Instant madeAt, List<ApplicationStatusView> applications, Words words) {
        SpreadsheetCsv csv = SpreadsheetCsv.titled(MessageFormat.format(words.madeAt(), editionName, words.when(madeAt)));
        csv.row(words.headers());
        for (ApplicationStatusView application : applications) {
            CategoryCode category = application.categoryCode();
            csv.row(List.of(SpreadsheetCsv.text(application.reference()), SpreadsheetCsv.text(application.title()),
                    category == null ? "" : words.categories().getOrDefault(category.name(), ""),
                    words.countries().getOrDefault(application.country(), ""),
                    application.status() == null ? "" : words.statuses().getOrDefault(application.status().name(), ""),
                    Boolean.TRUE.equals(application.womenLed()) ? words.yes() : words.no(),
                    SpreadsheetCsv.text(application.applicantName()), SpreadsheetCsv.text(application.organizationName()),
                    words.when(application.submittedAt())));
        }
        return csv;
    }
}
