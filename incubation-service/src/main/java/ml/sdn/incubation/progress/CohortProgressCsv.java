package ml.sdn.incubation.progress;

import ml.sdn.incubation.incubatees.IncubateeViews.IncubateeView;
import ml.sdn.incubation.kpis.KpiReport;
import ml.sdn.platform.csv.SpreadsheetCsv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cohort's progress as a spreadsheet file, like the competition's exports: UTF-8 with a byte-order mark, ';'
 * separators, decimal comma in French, every text cell guarded against formula evaluation; words, never codes
 * (country, category, status, revenue band, months). Its first line names the edition, the cohort and when the
 * file was made; then one line per incubatee (milestones, sessions, risk, the latest month's indicators), then the
 * cohort's totals. Plain Java.
 */
final class CohortProgressCsv {

    /** The words of one language. */
    record Words(List<String> headers, String title, Map<String, String> countries, Map<String, String> categories,
                 Map<String, String> statuses, Map<String, String> revenueBands, String yes, String no,
                 List<String> totals, Locale locale) {

        static final Words FRENCH = new Words(List.of("Projet", "Organisation", "Pays", "Catégorie", "Portée par une femme",
                "Statut", "Coach", "Jalons validés", "Jalons", "Avancement (%)", "Jalons en retard", "Séances de coaching",
                "À risque", "Derniers indicateurs", "Emplois créés", "Clients", "Chiffre d’affaires", "Fonds levés (FCFA)"),
                "Édition {0} — {1} — avancement de l’incubation — fichier établi le {2}",
                Map.of("ML", "Mali", "BF", "Burkina Faso", "NE", "Niger"),
                Map.of("START_UP_CHALLENGE", "Start-up Challenge", "PROJECT_CONTEST", "Concours de projets"),
                Map.of("ACTIVE", "En incubation", "GRADUATED", "Diplômé", "DROPPED", "Sorti du programme"),
                Map.of("NONE", "Aucun", "UNDER_1M_XOF", "Moins de 1 million FCFA", "FROM_1M_TO_10M_XOF", "1 à 10 millions FCFA",
                        "FROM_10M_TO_50M_XOF", "10 à 50 millions FCFA", "OVER_50M_XOF", "Plus de 50 millions FCFA"),
                "oui", "non", List.of("Incubés", "Avancement moyen (%)", "À risque", "Emplois créés (total)", "Clients (total)",
                        "Fonds levés (FCFA, total)"), Locale.FRENCH);
        static final Words ENGLISH = new Words(List.of("Project", "Organisation", "Country", "Category", "Women-led", "Status",
                "Coach", "Milestones validated", "Milestones", "Progress (%)", "Milestones overdue", "Coaching sessions",
                "At risk", "Latest indicators", "Jobs created", "Customers", "Revenue", "Funding raised (XOF)"),
                "Edition {0} — {1} — incubation progress — file made on {2}",
                Map.of("ML", "Mali", "BF", "Burkina Faso", "NE", "Niger"),
                Map.of("START_UP_CHALLENGE", "Start-up Challenge", "PROJECT_CONTEST", "Project contest"),
                Map.of("ACTIVE", "In incubation", "GRADUATED", "Graduated", "DROPPED", "Left the programme"),
                Map.of("NONE", "None", "UNDER_1M_XOF", "Under 1 million XOF", "FROM_1M_TO_10M_XOF", "1 to 10 million XOF",
                        "FROM_10M_TO_50M_XOF", "10 to 50 million XOF", "OVER_50M_XOF", "Over 50 million XOF"),
                "yes", "no", List.of("Incubatees", "Average progress (%)", "At risk", "Jobs created (total)", "Customers (total)",
                        "Funding raised (XOF, total)"), Locale.ENGLISH);

        static Words of(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
        }

        String month(String month) {
            if (month == null) {
                return "";
            }
            try {
                return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(YearMonth.parse(month));
            } catch (DateTimeParseException notAMonth) {
                return "";
            }
        }

        /** One decimal, with the language's separator (a comma in French); a number in XLSX. */
        Object decimal(double value) {
            BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN);
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
            format.setGroupingUsed(false);
            return SpreadsheetCsv.figure(format.format(rounded), rounded);
        }
    }

    private CohortProgressCsv() {
    }

    static SpreadsheetCsv file(String editionName, String cohortName, Instant madeAt, List<IncubateeView> incubatees,
                               Map<String, KpiReport> latest, Words words) {
        // an edition this service has not heard of yet (its event still on the way): the cohort alone names the file
        String title = MessageFormat.format(words.title(), editionName, cohortName, SpreadsheetCsv.madeOn(madeAt, words.locale()));
        SpreadsheetCsv csv = SpreadsheetCsv.titled(editionName.isBlank() ? title.substring(title.indexOf("— ") + 2) : title);
        csv.row(words.headers());
        long progressSum = 0;
        int progressCount = 0;
        int atRisk = 0;
        long jobs = 0;
        long customers = 0;
        long funding = 0;
        for (IncubateeView incubatee : incubatees) {
            KpiReport kpis = latest.get(incubatee.id());
            boolean risky = "ACTIVE".equals(incubatee.status()) && incubatee.risk() != null && incubatee.risk().atRisk();
            List<Object> row = new ArrayList<>(List.of(SpreadsheetCsv.text(incubatee.title()),
                    SpreadsheetCsv.text(incubatee.organizationName()),
                    words.countries().getOrDefault(String.valueOf(incubatee.country()), ""),
                    words.categories().getOrDefault(String.valueOf(incubatee.categoryCode()), ""),
                    incubatee.womenLed() ? words.yes() : words.no(),
                    words.statuses().getOrDefault(incubatee.status(), ""),
                    SpreadsheetCsv.text(incubatee.coach() == null ? null : incubatee.coach().name()),
                    SpreadsheetCsv.figure(incubatee.progress().validated()), SpreadsheetCsv.figure(incubatee.progress().total()),
                    SpreadsheetCsv.figure(incubatee.progress().percent()), SpreadsheetCsv.figure(incubatee.progress().overdue()),
                    SpreadsheetCsv.figure(incubatee.sessions()), risky ? words.yes() : words.no()));
            if (kpis == null) {
                row.addAll(List.of("", "", "", "", ""));
            } else {
                row.addAll(List.of(words.month(kpis.month()), SpreadsheetCsv.figure(kpis.jobsCreated()),
                        SpreadsheetCsv.figure(kpis.customers()),
                        kpis.revenueBand() == null ? "" : words.revenueBands().getOrDefault(kpis.revenueBand().name(), ""),
                        SpreadsheetCsv.figure(kpis.fundingRaisedXof())));
                jobs += kpis.jobsCreated();
                customers += kpis.customers();
                funding += kpis.fundingRaisedXof();
            }
            csv.row(row);
            if (!"DROPPED".equals(incubatee.status())) {
                progressSum += incubatee.progress().percent();
                progressCount++;
            }
            if (risky) {
                atRisk++;
            }
        }
        csv.row(List.of());
        List<String> totals = words.totals();
        csv.row(List.of(totals.get(0), SpreadsheetCsv.figure(incubatees.size())));
        csv.row(List.of(totals.get(1), progressCount == 0 ? "" : words.decimal((double) progressSum / progressCount)));
        csv.row(List.of(totals.get(2), SpreadsheetCsv.figure(atRisk)));
        csv.row(List.of(totals.get(3), SpreadsheetCsv.figure(jobs)));
        csv.row(List.of(totals.get(4), SpreadsheetCsv.figure(customers)));
        csv.row(List.of(totals.get(5), SpreadsheetCsv.figure(funding)));
        return csv;
    }
}
