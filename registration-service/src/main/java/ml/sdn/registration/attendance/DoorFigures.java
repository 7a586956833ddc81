package ml.sdn.registration.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day's figures at the doors, counted from the day's confirmed registrations alone (plain Java): how
 * many hold a place, how many are in, how many are not yet; those in per door and, per delegation and per attendee
 * category (participants, delegation members, speakers, press…), in out of registered. A waiting or cancelled registration is nobody at the door and is not counted. Doors are
 * sorted by name, delegations by their code (the portal names them); a registration without a delegation
 * or a check-in without a door is counted under an empty one rather than left out, so the parts add up.
 *
 * @param day         the day
 * @param confirmed   people holding a place that day
 * @param checkedIn   of them, people checked in
 * @param notYetIn    of them, people not checked in yet
 * @param doors       check-ins per door
 * @param delegations registered and checked in per delegation (country code)
 * @param categories  registered and checked in per attendee category, in the categories' order, those with anyone
 * @param conflicts   people checked in at two different doors (uploads from offline devices), for organizers
 *                    to look into: counted once, by the check-in that counts
 */
public record DoorFigures(LocalDate day, int confirmed, int checkedIn, int notYetIn, List<Door> doors,
                          List<Delegation> delegations, List<Category> categories, List<Conflict> conflicts) {

    /**
     * @param door    the door and {@code at} the time of the check-in that counts
     * @param others  the other doors' check-ins, oldest first
     */
    public record Conflict(String displayName, String country, String door, Instant at, List<Seen> others) {
    }

    /** A check-in at a door that was not counted. */
    public record Seen(String door, Instant at) {
    }

    DoorFigures withConflicts(List<Conflict> found) {
        return new DoorFigures(day, confirmed, checkedIn, notYetIn, doors, delegations, categories, found);
    }

    /** @param checkedIn people who came in by this door */
    public record Door(String door, int checkedIn) {
    }

    /** @param country the delegation's country code, empty when unknown */
    public record Delegation(String country, int confirmed, int checkedIn) {
    }

    /** @param category an {@link AttendeeCategory}'s name (the portal names it) */
    public record Category(String category, int confirmed, int checkedIn) {
    }

    /** One confirmed registration as the figures need it: the delegation, the category, and the door if the person is in. */
    record Entry(String country, boolean checkedIn, String door, AttendeeCategory category) {

        /** A participant's: most people at the week are. */
        Entry(String country, boolean checkedIn, String door) {
            this(country, checkedIn, door, AttendeeCategory.PARTICIPANT);
        }
    }

    static DoorFigures count(LocalDate day, List<Entry> confirmedThatDay) {
        Map<String, Integer> doors = new TreeMap<>();
        Map<String, int[]> delegations = new TreeMap<>();
        Map<AttendeeCategory, int[]> categories = new EnumMap<>(AttendeeCategory.class);
        int in = 0;
        for (Entry entry : confirmedThatDay) {
            int[] delegation = delegations.computeIfAbsent(entry.country() == null ? "" : entry.country(), k -> new int[2]);
            int[] category = categories.computeIfAbsent(entry.category() == null ? AttendeeCategory.PARTICIPANT
                    : entry.category(), k -> new int[2]);
            delegation[0]++;
            category[0]++;
            if (entry.checkedIn()) {
                in++;
                delegation[1]++;
                category[1]++;
                doors.merge(entry.door() == null ? "" : entry.door(), 1, Integer::sum);
            }
        }
        return new DoorFigures(day, confirmedThatDay.size(), in, confirmedThatDay.size() - in,
                doors.entrySet().stream().map(e -> new Door(e.getKey(), e.getValue())).toList(),
                delegations.entrySet().stream().map(e -> new Delegation(e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .sorted(Comparator.comparing(Delegation::country)).toList(),
                categories.entrySet().stream().map(e -> new Category(e.getKey().name(), e.getValue()[0], e.getValue()[1]))
                        .toList(), List.of());
    }
}
