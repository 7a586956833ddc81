package ml.sdn.notification.attendance;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.platform.scheduling.EveningBefore;
import ml.sdn.platform.scheduling.LockedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The day before each day of the week, from {@code sdn.notification.day-before-reminder.from} (Bamako time,
 * 16:00 by default), every person holding a place for the next day is reminded (ATTENDANCE_REMINDER: inbox,
 * e-mail and SMS as their preferences allow, in their language, with the place and their badge code). Someone
 * who takes a place later that evening is reminded by the next run.
 *
 * <p>Once per person and day, across runs, restarts and instances: the notice's event id is
 * {@code day-before-reminder:<day>:<person>}, so each channel's unique (event, recipient, channel) key takes it
 * once; the job runs under a ShedLock lock (one instance at a time), and a marker per person and day
 * ({@code day_before_reminders}, written after the notice) spares later runs the work of asking again.
 * The day is decided by the one {@link Clock}; the lock's lease is wall-clock time, as every lease here.
 */
@Component
public class DayBeforeReminders {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    static final String LOCK = "day-before-reminders";

    private static final Logger log = LoggerFactory.getLogger(DayBeforeReminders.class);

    @Document(Reminded.COLLECTION)
    record Reminded(@Id String id, String day, String participantId, Instant at) {
        static final String COLLECTION = "day_before_reminders";
    }

    private final DayRegistrations days;
    private final Notifier notifier;
    private final MongoTemplate mongo;
    private final LockedJob job;
    private final Clock clock;
    private final EveningBefore due;

    @Autowired
    DayBeforeReminders(DayRegistrations days, Notifier notifier, MongoTemplate mongo, ObjectProvider<Clock> clock,
                       @Value("${sdn.notification.day-before-reminder.from:16:00}") LocalTime from,
                       @Value("${sdn.notification.day-before-reminder.lock-at-most-for:30m}") Duration lockAtMostFor) {
        this(days, notifier, mongo, clock.getIfUnique(Clock::systemUTC), from, lockAtMostFor);
    }

    /** As another instance would be built: its own lock executor on the same store, its own clock. */
    public DayBeforeReminders(DayRegistrations days, Notifier notifier, MongoTemplate mongo, Clock clock, LocalTime from,
                              Duration lockAtMostFor) {
        this.days = days;
        this.notifier = notifier;
        this.mongo = mongo;
        this.job = LockedJob.named(LOCK, mongo, lockAtMostFor);
        this.clock = clock;
        this.due = new EveningBefore(BAMAKO, from);
    }

    @Scheduled(fixedDelayString = "${sdn.notification.day-before-reminder.interval:10m}",
            initialDelayString = "${sdn.notification.day-before-reminder.initial-delay:1m}")
    void scheduled() {
        job.runOrLog(() -> remind(clock.instant()), log, "Day-before reminders not sent now");
    }

    /** One run, if no other instance is running it. @return how many people this run reminded */
    public int run() {
        return job.run(() -> remind(clock.instant())).orElse(0);
    }

    private int remind(Instant now) {
        LocalDate day = due.dayAhead(now).orElse(null);
        if (day == null) {
            return 0;
        }
        Set<String> done = new HashSet<>();
        mongo.find(query(where("day").is(day.toString())), Reminded.class).forEach(r -> done.add(r.participantId()));
        int reminded = 0;
        for (DayRegistrations.Place place : days.placesOn(day)) {
            if (done.contains(place.participantId())) {
                continue;
            }
            String eventId = "day-before-reminder:" + day + ":" + place.participantId();
            Map<String, Object> model = new HashMap<>();
            model.put("day", day.toString());
            if (place.badgeCode() != null) {
                model.put("badgeCode", place.badgeCode());
            }
            notifier.notify(new Notice(eventId, NotificationKind.ATTENDANCE_REMINDER, place.participantId(), model));
            try {
                mongo.insert(new Reminded(eventId, day.toString(), place.participantId(), now));
            } catch (DuplicateKeyException alreadyMarked) {
                // a run elsewhere got there first: its notice and this one are the same, written once
            }
            reminded++;
        }
        if (reminded > 0) {
            log.info("Reminded {} person(s) of their place on {}", reminded, day);
        }
        return reminded;
    }
}
