package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;
import ml.sdn.platform.rules.FieldProblem;

import java.time.LocalDate;
import java.util.List;

/**
 * A walk-in as registered: who, their badge code (scanned or typed at the door like anyone's) and, per day
 * asked for, the attendance and whether this request registered it ({@code false}: registered already).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WalkInView(String walkInId, String name, AttendeeCategory category, String country, String organization,
                  String badgeCode, List<Day> days) {

    record Day(LocalDate day, String attendanceId, boolean newlyRegistered) {
    }

    boolean anyNew() {
        return days.stream().anyMatch(Day::newlyRegistered);
    }

    /** What a CSV import did, line by line. */
    record ImportReport(int registered, int alreadyRegistered, int rejected, List<Line> lines) {
    }

    /**
     * One line of the file: REGISTERED (for at least one of the days), ALREADY_REGISTERED (the same person for the
     * same days: a file imported twice) or REJECTED, with every field at fault; nobody is registered from it.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Line(int line, String name, Outcome outcome, String badgeCode, List<FieldProblem> errors) {
    }

    enum Outcome { REGISTERED, ALREADY_REGISTERED, REJECTED }
}
