package ml.sdn.registration.programme;

import ml.sdn.events.registration.SessionReminderDue;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.scheduling.EveningBefore;
import ml.sdn.platform.scheduling.LockedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The day before a session with places, from {@code sdn.programme.session-reminder.from} (Bamako time, 16:00 as
 * the day's reminder), the people holding a place at it are to be reminded: SessionReminderDue, naming them, in
 * the session's outbox (notification-service tells each one). Sessions without a capacity are open to all and
 * nobody holds a place there, so nobody is reminded of them.
 *
 * <p>Once per session and start time: one update, conditioned on {@code remindedFor} not being the session's
 * current start, sets it and pushes the event, so of two instances or two runs one wins; a session moved to
 * another day is reminded again for its new day. People who take a place after the run that evening are not
 * reminded (they have just chosen it). The day is decided by the one {@link Clock}; the lock's lease is
 * wall-clock time, as every lease here.
 */
@Component
public class SessionReminders {

    static final String LOCK = "sdn-session-reminders";

    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    private final MongoTemplate mongo;
    private final EventDays days;
    private final Clock clock;
    private final EveningBefore due;
    private final LockedJob job;

    @Autowired
    SessionReminders(MongoTemplate mongo, Programme programme, ObjectProvider<Clock> clock,
                     @Value("${sdn.programme.session-reminder.from:16:00}") LocalTime from,
                     @Value("${sdn.programme.session-reminder.lock-at-most-for:10m}") Duration lockAtMostFor) {
        this(mongo, programme.days(), clock.getIfUnique(Clock::systemUTC), from, lockAtMostFor);
    }

    /** As another instance would be built: its own lock executor on the same store, its own clock. */
    SessionReminders(MongoTemplate mongo, EventDays days, Clock clock, LocalTime from, Duration lockAtMostFor) {
        this.mongo = mongo;
        this.days = days;
        this.clock = clock;
        this.due = new EveningBefore(days.zone(), from);
        this.job = LockedJob.named(LOCK, mongo, lockAtMostFor);
    }

    @Scheduled(fixedDelayString = "${sdn.programme.session-reminder.interval:10m}",
            initialDelayString = "${sdn.programme.session-reminder.initial-delay:1m}")
    void scheduled() {
        job.runOrLog(() -> remind(clock.instant()), log, "Session reminders not written now");
    }

    /** One run, if no other instance is running it. @return how many sessions this run had reminded */
    public int run() {
        return job.run(() -> remind(clock.instant())).orElse(0);
    }

    private int remind(Instant now) {
        LocalDate tomorrow = due.dayAhead(now).orElse(null);
        if (tomorrow == null) {
            return 0;
        }
        Instant start = tomorrow.atStartOfDay(days.zone()).toInstant();
        Instant end = tomorrow.plusDays(1).atStartOfDay(days.zone()).toInstant();
        int reminded = 0;
        for (ProgrammeSession session : mongo.find(query(where("capacity").ne(null)
                .and("startsAt").gte(start).lt(end)), ProgrammeSession.class)) {
            if (session.startsAt().equals(session.remindedFor())) {
                continue;
            }
            List<String> holders = mongo.find(query(where("sessionId").is(session.id())
                    .and("status").is(AgendaStatus.CONFIRMED)), AgendaEntry.class).stream()
                    .map(AgendaEntry::participantId).distinct().toList();
            Update update = new Update().set("remindedFor", session.startsAt());
            if (!holders.isEmpty()) {
                update.push("outbox", PendingEvent.of(SessionReminderDue.TYPE, session.id(), new SessionReminderDue(
                        session.id(), session.titleFr(), session.titleEn(), session.startsAt(), session.endsAt(),
                        session.room(), holders, now.truncatedTo(ChronoUnit.MILLIS))));
            }
            // conditioned on what was read: an edit (moved, retitled) in between is reminded at the next run
            boolean won = mongo.updateFirst(query(where("_id").is(session.id())
                            .and("revision").is(session.revision())
                            .and("remindedFor").ne(session.startsAt())), update, ProgrammeSession.class)
                    .getModifiedCount() == 1;
            if (won && !holders.isEmpty()) {
                reminded++;
            }
        }
        if (reminded > 0) {
            log.info("{} session(s) of {}: their people are to be reminded", reminded, tomorrow);
        }
        return reminded;
    }
}
