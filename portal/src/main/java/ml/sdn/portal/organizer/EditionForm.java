package ml.sdn.portal.organizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The edition form (new or changed) as typed (strings, so a wrong entry comes back as it was typed). */
public class EditionForm {

    private String number = "";
    private String year = "";
    private String startDate = "";
    private String endDate = "";
    private String venue = "";
    private String theme = "";
    private List<String> guestCountries = new ArrayList<>();
    private boolean womenLedPrizeMayOverlap;

    static EditionForm blank() {
        EditionForm form = new EditionForm();
        int next = LocalDate.now().getYear() + 1;
        form.year = String.valueOf(next);
        form.startDate = next + "-11-18";
        form.endDate = next + "-11-20";
        form.venue = "CICB, Bamako";
        return form;
    }

    /** The form filled with an edition as the service gives it (to change it). */
    @SuppressWarnings("unchecked")
    static EditionForm of(Map<String, Object> edition) {
        EditionForm form = new EditionForm();
        form.number = text(edition.get("number"));
        form.year = text(edition.get("year"));
        form.startDate = text(edition.get("startDate"));
        form.endDate = text(edition.get("endDate"));
        form.venue = text(edition.get("venue"));
        form.theme = text(edition.get("theme"));
        form.guestCountries = edition.get("guestCountries") instanceof List<?> guests
                ? new ArrayList<>((List<String>) guests) : new ArrayList<>();
        form.womenLedPrizeMayOverlap = Boolean.TRUE.equals(edition.get("womenLedPrizeMayOverlap"));
        return form;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", Json.number(number));
        body.put("year", Json.number(year));
        body.put("startDate", Json.blankToNull(startDate));
        body.put("endDate", Json.blankToNull(endDate));
        body.put("venue", Json.blankToNull(venue));
        body.put("theme", Json.blankToNull(theme));
        body.put("guestCountries", guestCountries == null ? List.of() : guestCountries);
        body.put("womenLedPrizeMayOverlap", womenLedPrizeMayOverlap);
        return body;
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public List<String> getGuestCountries() { return guestCountries; }
    public void setGuestCountries(List<String> guestCountries) { this.guestCountries = guestCountries; }
    public boolean isWomenLedPrizeMayOverlap() { return womenLedPrizeMayOverlap; }
    public void setWomenLedPrizeMayOverlap(boolean womenLedPrizeMayOverlap) { this.womenLedPrizeMayOverlap = womenLedPrizeMayOverlap; }
}
