package ml.sdn.portal.organizer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "new category" form as typed: names, challenges (one a line), up to {@value #ROWS} criteria with
 * their weights (the service checks they add up to 100 and names {@code criteria}), the preselection
 * count, each phase's start on Bamako's wall clock, and the jury settings.
 */
public class CategoryForm {

    static final int ROWS = 5;
    static final List<String> PHASES = List.of("SUBMISSION", "EVALUATION", "PRESELECTION", "INCUBATION", "FINAL", "CLOSED");

    private String code = "START_UP_CHALLENGE";
    private String nameFr = "";
    private String nameEn = "";
    private String challenges = "";
    private List<Criterion> criteria = new ArrayList<>();
    private String preselectCount = "10";
    private Map<String, String> phases = new LinkedHashMap<>();
    private String jurorsPerApplication = "3";
    private String minimumCompletedReviews = "2";
    private boolean blindReview = true;
    private boolean normalisePerJuror = true;
    private boolean revealScoresAfterOwnReview;
    private boolean shareCommentsWithApplicants;
    private boolean shareScoresWithApplicants;

    /** Three usual criteria (40/35/25), and the phases a month apart from tomorrow 08:00 in Bamako. */
    static CategoryForm blank() {
        CategoryForm form = new CategoryForm();
        form.criteria.add(new Criterion("impact", "Impact", "Impact", "40"));
        form.criteria.add(new Criterion("innovation", "Innovation", "Innovation", "35"));
        form.criteria.add(new Criterion("team", "Équipe", "Team", "25"));
        form.fillRows();
        LocalDateTime start = LocalDate.now(ZoneId.of("Africa/Bamako")).plusDays(1).atTime(8, 0);
        for (int i = 0; i < PHASES.size(); i++) {
            form.phases.put(PHASES.get(i), start.plusMonths(i).toString());
        }
        return form;
    }

    /** Always {@value #ROWS} rows to type into. */
    void fillRows() {
        while (criteria.size() < ROWS) {
            criteria.add(new Criterion("", "", "", ""));
        }
    }

    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", Json.blankToNull(code));
        body.put("name", Map.of("fr", nameFr == null ? "" : nameFr.strip(), "en", nameEn == null ? "" : nameEn.strip()));
        body.put("challenges", challenges == null ? List.of()
                : challenges.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Criterion criterion : criteria) {
            if (!criterion.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", criterion.getCode() == null ? "" : criterion.getCode().strip());
                row.put("label", Map.of("fr", nonNull(criterion.getLabelFr()), "en", nonNull(criterion.getLabelEn())));
                row.put("weight", Json.number(criterion.getWeight()));
                rows.add(row);
            }
        }
        body.put("criteria", rows);
        body.put("preselectCount", Json.number(preselectCount));
        List<Map<String, Object>> windows = new ArrayList<>();
        for (String phase : PHASES) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("phase", phase);
            window.put("start", Json.blankToNull(phases.get(phase)));
            windows.add(window);
        }
        // every start left empty: the service takes the usual calendar from the edition's dates
        boolean noneGiven = windows.stream().allMatch(window -> window.get("start") == null);
        body.put("phases", noneGiven ? null : windows);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("jurorsPerApplication", Json.number(jurorsPerApplication));
        settings.put("minimumCompletedReviews", Json.number(minimumCompletedReviews));
        settings.put("blindReview", blindReview);
        settings.put("normalisePerJuror", normalisePerJuror);
        settings.put("revealScoresAfterOwnReview", revealScoresAfterOwnReview);
        settings.put("shareCommentsWithApplicants", shareCommentsWithApplicants);
        settings.put("shareScoresWithApplicants", shareScoresWithApplicants);
        body.put("settings", settings);
        return body;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.strip();
    }

    public static class Criterion {
        private String code = "";
        private String labelFr = "";
        private String labelEn = "";
        private String weight = "";

        public Criterion() {
        }

        Criterion(String code, String labelFr, String labelEn, String weight) {
            this.code = code;
            this.labelFr = labelFr;
            this.labelEn = labelEn;
            this.weight = weight;
        }

        boolean isEmpty() {
            return blank(code) && blank(labelFr) && blank(labelEn) && blank(weight);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getLabelFr() { return labelFr; }
        public void setLabelFr(String labelFr) { this.labelFr = labelFr; }
        public String getLabelEn() { return labelEn; }
        public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
        public String getWeight() { return weight; }
        public void setWeight(String weight) { this.weight = weight; }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameFr() { return nameFr; }
    public void setNameFr(String nameFr) { this.nameFr = nameFr; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getChallenges() { return challenges; }
    public void setChallenges(String challenges) { this.challenges = challenges; }
    public List<Criterion> getCriteria() { return criteria; }
    public void setCriteria(List<Criterion> criteria) { this.criteria = criteria; }
    public String getPreselectCount() { return preselectCount; }
    public void setPreselectCount(String preselectCount) { this.preselectCount = preselectCount; }
    public Map<String, String> getPhases() { return phases; }
    public void setPhases(Map<String, String> phases) { this.phases = phases; }
    public String getJurorsPerApplication() { return jurorsPerApplication; }
    public void setJurorsPerApplication(String jurorsPerApplication) { this.jurorsPerApplication = jurorsPerApplication; }
    public String getMinimumCompletedReviews() { return minimumCompletedReviews; }
    public void setMinimumCompletedReviews(String minimumCompletedReviews) { this.minimumCompletedReviews = minimumCompletedReviews; }
    public boolean isBlindReview() { return blindReview; }
    public void setBlindReview(boolean blindReview) { this.blindReview = blindReview; }
    public boolean isNormalisePerJuror() { return normalisePerJuror; }
    public void setNormalisePerJuror(boolean normalisePerJuror) { this.normalisePerJuror = normalisePerJuror; }
    public boolean isRevealScoresAfterOwnReview() { return revealScoresAfterOwnReview; }
    public void setRevealScoresAfterOwnReview(boolean revealScoresAfterOwnReview) { this.revealScoresAfterOwnReview = revealScoresAfterOwnReview; }
    public boolean isShareCommentsWithApplicants() { return shareCommentsWithApplicants; }
    public void setShareCommentsWithApplicants(boolean share) { this.shareCommentsWithApplicants = share; }
    public boolean isShareScoresWithApplicants() { return shareScoresWithApplicants; }
    public void setShareScoresWithApplicants(boolean share) { this.shareScoresWithApplicants = share; }
}
