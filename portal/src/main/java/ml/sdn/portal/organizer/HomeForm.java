package ml.sdn.portal.organizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the public home page tells about an edition, as typed on the edition's page: the venue's city and map
 * link, per category (both, in a fixed order) the prizes and who may enter, the contact, and question rows.
 * Every row is sent, empty ones included, so that the service's field names ({@code questions[2].answer.en})
 * point at the row the organizer sees; the service drops the empty ones.
 */
public class HomeForm {

    static final List<String> CATEGORY_CODES = List.of("START_UP_CHALLENGE", "PROJECT_CONTEST");
    static final int MAX_QUESTIONS = 20;
    /** Empty question rows offered below the written ones. */
    static final int FREE_ROWS = 3;

    private String venueCity = "";
    private String mapLink = "";
    private String contactFr = "";
    private String contactEn = "";
    private List<CategoryRow> categories = new ArrayList<>();
    private List<QuestionRow> questions = new ArrayList<>();

    /** The form filled with the edition's home content as the service gives it (null: nothing written yet). */
    @SuppressWarnings("unchecked")
    static HomeForm of(Object home) {
        HomeForm form = new HomeForm();
        if (home instanceof Map<?, ?> content) {
            form.venueCity = text(content.get("venueCity"));
            form.mapLink = text(content.get("mapLink"));
            form.contactFr = text(content.get("contact"), "fr");
            form.contactEn = text(content.get("contact"), "en");
            if (content.get("categories") instanceof List<?> categories) {
                for (Object item : categories) {
                    Map<String, Object> category = (Map<String, Object>) item;
                    CategoryRow row = new CategoryRow();
                    row.code = text(category.get("code"));
                    row.prizesFr = text(category.get("prizes"), "fr");
                    row.prizesEn = text(category.get("prizes"), "en");
                    row.whoMayEnterFr = text(category.get("whoMayEnter"), "fr");
                    row.whoMayEnterEn = text(category.get("whoMayEnter"), "en");
                    form.categories.add(row);
                }
            }
            if (content.get("questions") instanceof List<?> questions) {
                for (Object item : questions) {
                    Map<String, Object> question = (Map<String, Object>) item;
                    QuestionRow row = new QuestionRow();
                    row.questionFr = text(question.get("question"), "fr");
                    row.questionEn = text(question.get("question"), "en");
                    row.answerFr = text(question.get("answer"), "fr");
                    row.answerEn = text(question.get("answer"), "en");
                    form.questions.add(row);
                }
            }
        }
        form.fillRows();
        return form;
    }

    /** Both categories in their fixed order, and a few empty question rows (at most {@value #MAX_QUESTIONS}). */
    void fillRows() {
        List<CategoryRow> ordered = new ArrayList<>();
        for (String code : CATEGORY_CODES) {
            CategoryRow row = categories.stream().filter(c -> code.equals(c.code)).findFirst().orElseGet(CategoryRow::new);
            row.code = code;
            ordered.add(row);
        }
        categories = ordered;
        int written = (int) questions.stream().filter(row -> !row.isEmpty()).count();
        while (questions.size() < Math.min(MAX_QUESTIONS, written + FREE_ROWS)) {
            questions.add(new QuestionRow());
        }
    }

    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("venueCity", Json.blankToNull(venueCity));
        body.put("mapLink", Json.blankToNull(mapLink));
        body.put("contact", text(contactFr, contactEn));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < CATEGORY_CODES.size(); i++) {
            CategoryRow row = i < categories.size() && categories.get(i) != null ? categories.get(i) : new CategoryRow();
            Map<String, Object> category = new LinkedHashMap<>();
            category.put("code", CATEGORY_CODES.get(i));
            category.put("prizes", text(row.prizesFr, row.prizesEn));
            category.put("whoMayEnter", text(row.whoMayEnterFr, row.whoMayEnterEn));
            rows.add(category);
        }
        body.put("categories", rows);
        List<Map<String, Object>> asked = new ArrayList<>();
        for (QuestionRow row : questions) {
            QuestionRow question = row == null ? new QuestionRow() : row;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("question", text(question.questionFr, question.questionEn));
            entry.put("answer", text(question.answerFr, question.answerEn));
            asked.add(entry);
        }
        body.put("questions", asked);
        return body;
    }

    private static Map<String, Object> text(String fr, String en) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("fr", fr == null ? "" : fr);
        text.put("en", en == null ? "" : en);
        return text;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String text(Object localized, String language) {
        return localized instanceof Map<?, ?> map ? text(map.get(language)) : "";
    }

    public static class CategoryRow {
        private String code = "";
        private String prizesFr = "";
        private String prizesEn = "";
        private String whoMayEnterFr = "";
        private String whoMayEnterEn = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getPrizesFr() { return prizesFr; }
        public void setPrizesFr(String prizesFr) { this.prizesFr = prizesFr; }
        public String getPrizesEn() { return prizesEn; }
        public void setPrizesEn(String prizesEn) { this.prizesEn = prizesEn; }
        public String getWhoMayEnterFr() { return whoMayEnterFr; }
        public void setWhoMayEnterFr(String whoMayEnterFr) { this.whoMayEnterFr = whoMayEnterFr; }
        public String getWhoMayEnterEn() { return whoMayEnterEn; }
        public void setWhoMayEnterEn(String whoMayEnterEn) { this.whoMayEnterEn = whoMayEnterEn; }
    }

    public static class QuestionRow {
        private String questionFr = "";
        private String questionEn = "";
        private String answerFr = "";
        private String answerEn = "";

        boolean isEmpty() {
            return blank(questionFr) && blank(questionEn) && blank(answerFr) && blank(answerEn);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        public String getQuestionFr() { return questionFr; }
        public void setQuestionFr(String questionFr) { this.questionFr = questionFr; }
        public String getQuestionEn() { return questionEn; }
        public void setQuestionEn(String questionEn) { this.questionEn = questionEn; }
        public String getAnswerFr() { return answerFr; }
        public void setAnswerFr(String answerFr) { this.answerFr = answerFr; }
        public String getAnswerEn() { return answerEn; }
        public void setAnswerEn(String answerEn) { this.answerEn = answerEn; }
    }

    public String getVenueCity() { return venueCity; }
    public void setVenueCity(String venueCity) { this.venueCity = venueCity; }
    public String getMapLink() { return mapLink; }
    public void setMapLink(String mapLink) { this.mapLink = mapLink; }
    public String getContactFr() { return contactFr; }
    public void setContactFr(String contactFr) { this.contactFr = contactFr; }
    public String getContactEn() { return contactEn; }
    public void setContactEn(String contactEn) { this.contactEn = contactEn; }
    public List<CategoryRow> getCategories() { return categories; }
    public void setCategories(List<CategoryRow> categories) { this.categories = categories; }
    public List<QuestionRow> getQuestions() { return questions; }
    public void setQuestions(List<QuestionRow> questions) { this.questions = questions; }
}
