package ml.sdn.notification.catalogue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The catalogue: every notification the platform sends, what causes it and who receives it. Each kind
 * has a subject and a body template per language under {@code notification-templates/<lang>/}, named
 * after {@link #templateName()}. Dates in models are ISO strings; templates write them in the reader's
 * language with {@code {{#date}}…{{/date}}} (a day) and {@code {{#dateTime}}…{{/dateTime}}} (an instant,
 * in Bamako time). Codes (country, category, round, prize) are looked up in the message bundles.
 *
 * <p>At a glance (e-mail {@link Email#REQUIRED}: the person must receive it, they cannot switch its
 * e-mail off; {@link Email#OPTIONAL}: on unless they switch it off in their preferences; the inbox item
 * is always written):
 * <pre>
 * kind                    cause                                   to                              e-mail    secret in body
 * PROFILE_CREATED         registration participant-registered     the participant                 optional  no
 * MEMBER_INVITED          registration member-invited             the invited address             required  yes (accept link)
 * ATTENDANCE_CONFIRMED    registration attendance-confirmed       the participant                 optional  no
 * ATTENDANCE_WAIT_LISTED  registration attendance-wait-listed     the participant                 optional  no
 * ATTENDANCE_PROMOTED     registration attendance-promoted        the participant                 required  no
 * ATTENDANCE_CANCELLED    registration attendance-cancelled       the participant                 optional  no
 * ATTENDANCE_REMINDER     the day before a day (DayBeforeReminders) each person holding a place   optional  no
 * SESSION_MOVED           registration session-moved              everybody holding a place at
 *                                                                 the session or waiting for one  required  no
 * SESSION_PLACE_GIVEN     registration session-place-given        the participant given the place required  no
 * SESSION_REMINDER        registration session-reminder-due       each person holding a place     optional  no
 *                         (the day before the session)            at the session
 * APPLICATION_SUBMITTED   competition application-submitted       the applicant                   required  no
 * APPLICATION_WITHDRAWN   competition application-withdrawn       the applicant                   optional  no
 * DRAFT_TAKEN_OVER        competition draft-released (TAKEN_OVER) the member who held the draft   required  no
 * DRAFT_DELETED           competition draft-released (DELETED)    the member who held the draft   required  no
 * DEADLINE_EXTENDED       competition deadline-extended           the applicant it names, or the
 *                                                                 category's known applicants     optional  no
 * JUROR_ASSIGNED          competition juror-assigned              the juror                       optional  no
 * JUROR_UNASSIGNED        competition juror-unassigned (REMOVED)  the juror                       optional  no
 * REVIEW_REMINDER         competition review-reminder             the juror                       optional  no
 * PRESELECTED             competition application-preselected     the applicant                   required  no
 * NOT_PRESELECTED         competition application-not-preselected the applicant                   required  no
 * AWARD_GRANTED           competition award-granted               the applicant                   required  no
 * RESULTS_PUBLISHED       competition results-published           the edition's known applicants  optional  no
 * INCUBATION_ENROLLED     incubation incubatee-enrolled           the participant (incubatee)     required  no
 * COACH_ASSIGNED          incubation coach-assigned               the participant and the coach   optional  no
 * SESSION_LOGGED          incubation session-logged               the participant                 optional  no
 * MILESTONE_SUBMITTED     incubation milestone-submitted          the coach                       optional  no
 * MILESTONE_VALIDATED     incubation milestone-validated          the participant                 optional  no
 * MILESTONE_SENT_BACK     incubation milestone-sent-back          the participant                 optional  no
 * MILESTONE_OVERDUE       incubation milestone-overdue            the participant and the coach   optional  no
 * INCUBATEE_AT_RISK       incubation incubatee-at-risk            the coach only                  optional  no
 * INCUBATEE_GRADUATED     incubation incubatee-graduated          the participant                 required  no
 * INCUBATEE_DROPPED       incubation incubatee-dropped            the participant                 required  no
 * BROADCAST               notification broadcast-requested        each person of the audience     required  no
 * SMS_BUDGET_REACHED      an SMS budget or daily cap reached      the organizers (inbox only)     none      no
 * </pre>
 * By SMS as well, to a person with a phone number ({@link #bySms()}, a short {@code <kind>.sms.mustache}):
 * APPLICATION_SUBMITTED, PRESELECTED, NOT_PRESELECTED, AWARD_GRANTED and ATTENDANCE_PROMOTED, required;
 * ATTENDANCE_CONFIRMED, ATTENDANCE_REMINDER, SESSION_REMINDER and MILESTONE_SENT_BACK, optional (on unless the person switches
 * their SMS off). Optional SMS also stop when the edition's SMS budget or the day's cap is reached
 * ({@code sms.SmsBudget}); required ones are still sent.
 * Confirmation, waiting list and cancellation answer something the person just did and see on screen;
 * a promotion happens later, without them, and they must act on it (come, or free the place); an
 * invitation goes to someone who may have no account yet, e-mail is its only way. A session moved to
 * another time or room happens without the person, who would otherwise wait at the wrong door: required. An application's
 * receipt is the applicant's proof of submission, and the preselection decision and a prize are the
 * results of their own application: all three are required. A withdrawal answers what the applicant just
 * did; extensions, jury work and the publication of the results page are useful but may be switched off.
 *
 * <p>Incubation (AGETIC's coaching of the preselected): the enrolment is required, because it is the contact
 * the preselection notice promised ("you will be contacted when it starts") and the person must act on it
 * (meet their coach, start the milestones); graduation and drop are the outcomes of their own candidacy
 * (a graduate is a finalist, a dropped incubatee no longer is), like the preselection decision. The rest is
 * the daily work between an incubatee and their coach — a coach assigned, a session logged, a milestone
 * submitted, validated, sent back or overdue, an incubatee at risk — shown on both people's dashboards and
 * talked over in the sessions: useful by e-mail, but each may switch it off.
 *
 * <p>Events that notify nobody, and why:
 * <ul>
 *   <li>{@code checked-in}, {@code organization-registered/-updated}, {@code member-joined},
 *       {@code participant-profile-updated}: the person is there, or did it themselves.</li>
 *   <li>{@code competition finalist-ranked}: the final rank stays internal until the results are
 *       published; what matters to the applicant then is said by {@code award-granted} (a prize) and
 *       {@code results-published} (the public page). Telling a rank earlier would leak the results.</li>
 *   <li>{@code competition phase-changed}: phases are dated and shown on the call's page; whoever must act
 *       is told by the event that asks them to (assignment, reminder, extension, results).</li>
 *   <li>{@code competition juror-unassigned} with reason {@code CONFLICT}: the juror declared the conflict
 *       themselves. Only {@code REMOVED} (an organizer took the application off their list) is notified.</li>
 *   <li>{@code competition review-submitted}: the juror just did it; the applicant never learns of
 *       individual reviews (blind review).</li>
 * </ul>
 *
 * <p>Incubation events name the participant (the incubatee's applicant) and the coach by their Keycloak
 * subject, so a coach, like a juror, is written to once their profile reached this service (held notices
 * until then). Graduation and drop name neither: the participant is found in this service's copy of the
 * incubatees ({@code known_incubatees}, from the enrolment and coach events); an outcome for an incubatee
 * not known yet waits for it ({@code held_incubation_outcomes}) rather than going to the dead letters.
 * What a coach writes for themselves (a session's notes, private or not) never travels and is never sent;
 * the feedback on a milestone sent back is written for the incubatee and is sent to them. The at-risk flag
 * is a tool for the coach: the participant is not told of it (their overdue milestones are told as such).
 * A previous coach is not told of a reassignment (the organizer does it with them; their dashboard no
 * longer lists the incubatee).
 *
 * <p>Jurors are never told who an application comes from (blind review): their models carry only the
 * category, the round, counts and dates, never a reference, title, organisation or applicant. A juror,
 * like anyone, is written to once their profile reached this service (registration's participant
 * events); until then their notices wait (held notices).
 */
public enum NotificationKind {

    /**
     * Cause: {@code sdn.registration.participant-registered.v1}. To: the participant.
     * Model: {@code country} (ML, BF or NE).
     */
    PROFILE_CREATED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.member-invited.v1}. To: the invited e-mail address, by e-mail only
     * (the invitee may have no account). Model: {@code organizationName}, {@code inviter} ({@code name};
     * absent when unknown), {@code role} (absent when none), {@code acceptLink} (carries the one-time
     * token), {@code expiresAt} (ISO instant). The body holds a secret: dropped once the e-mail is sent or
     * given up.
     */
    MEMBER_INVITED(Email.REQUIRED, true),

    /**
     * Cause: {@code sdn.registration.attendance-confirmed.v1}. To: the participant.
     * Model: {@code day} (ISO date), {@code badgeCode}.
     */
    ATTENDANCE_CONFIRMED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.attendance-wait-listed.v1}. To: the participant.
     * Model: {@code day} (ISO date), {@code position} (1 = next to get a place).
     */
    ATTENDANCE_WAIT_LISTED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.attendance-promoted.v1}: a place freed and it is theirs. To: the
     * participant. Model: {@code day} (ISO date), {@code badgeCode}.
     */
    ATTENDANCE_PROMOTED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.registration.attendance-cancelled.v1}. To: the participant.
     * Model: {@code day} (ISO date).
     */
    ATTENDANCE_CANCELLED(Email.OPTIONAL, false),

    /**
     * Cause: none, the day before a day of the week ({@code attendance.DayBeforeReminders}, from
     * {@code sdn.notification.day-before-reminder.from} Bamako time), once per person and day. To: each person
     * holding a place for that day. Optional: the person chose the day and has their badge already. Model:
     * {@code day} (ISO date), {@code badgeCode} (absent when not known here).
     */
    ATTENDANCE_REMINDER(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.session-moved.v1}: an organizer changed a session's time or room. To:
     * each person the event names (holding a place at the session or waiting for one). Required: they would
     * go to the old time or room. Model: {@code titleFr}, {@code titleEn} (each template uses its language's),
     * {@code startsAt}, {@code endsAt} (ISO instants, written in Bamako time), {@code room},
     * {@code timeChanged} with {@code previousStartsAt}, {@code roomChanged} with {@code previousRoom}.
     */
    SESSION_MOVED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.registration.session-place-given.v1}: a place at a session they were waiting for is
     * theirs (freed, or the capacity raised). To: that participant. Required, as a day's promotion: it happens
     * later, without them, and they must come or give it up. Model: {@code titleFr}, {@code titleEn},
     * {@code startsAt}, {@code endsAt} (ISO instants, written in Bamako time), {@code room}.
     */
    SESSION_PLACE_GIVEN(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.registration.session-reminder-due.v1}: the day before a session with places (from 16:00
     * Bamako time), once per session and start time. To: each person the event names (holding a place). Optional,
     * as the day's reminder: they chose the session. Model: {@code titleFr}, {@code titleEn}, {@code startsAt},
     * {@code endsAt} (ISO instants, written in Bamako time), {@code room}.
     */
    SESSION_REMINDER(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.competition.application-submitted.v1}. To: the applicant: their receipt.
     * Model: {@code reference} (the receipt number), {@code title}, {@code category} (a code with a label in
     * the bundles, {@code other} when unknown), {@code submittedAt} (ISO instant).
     */
    APPLICATION_SUBMITTED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.competition.application-withdrawn.v1}. To: the applicant, as a confirmation.
     * Model: {@code reference}, {@code withdrawnAt} (ISO instant); {@code title} and {@code category} when
     * the submission is known here (the withdrawal event does not carry them).
     */
    APPLICATION_WITHDRAWN(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.competition.draft-released.v1} with outcome {@code TAKEN_OVER}: the owner of the
     * organisation took over a draft a member held for it. To: that member. Required: someone else acted on their
     * work, which then leaves their list without a trace. Model: {@code title}, {@code category},
     * {@code organizationName} (absent when unknown).
     */
    DRAFT_TAKEN_OVER(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.competition.draft-released.v1} with outcome {@code DELETED}: the owner deleted it. To: the
     * member who held it. Required, as a take-over. Model: {@code title}, {@code category}, {@code organizationName}.
     */
    DRAFT_DELETED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.competition.deadline-extended.v1}. To: the applicant it names ({@code applicantId}
     * set: an extension for them alone), or, for a whole category, every person with an application in that
     * category this service knows of: submitted, or withdrawn (they may submit again before the new
     * deadline). Drafts are not published by competition-service, so people who only hold a draft are not
     * known here and are not told (the call's page shows the new deadline). The organizer's reason is for
     * the audit trail and is not sent. Model: {@code category}, {@code until} (ISO instant),
     * {@code forYou} (true for an extension for this applicant alone).
     */
    DEADLINE_EXTENDED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.competition.juror-assigned.v1}. To: the juror. An automatic assignment gives a juror
     * many applications at once, one event each: they are told once per category and round ("applications
     * wait for your review"), not once per application. An application added by hand later (an organizer's
     * manual assignment, e.g. after someone's conflict) is told on its own. No applicant identity (blind
     * review). Model: {@code category}, {@code round} (PRESELECTION, FINAL; {@code other} when unknown),
     * {@code addedByHand} (true for a manual assignment).
     */
    JUROR_ASSIGNED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.competition.juror-unassigned.v1} with reason {@code REMOVED}: an organizer took an
     * application off the juror's list. To: the juror. No applicant identity. Model: {@code round} (the event
     * names no category).
     */
    JUROR_UNASSIGNED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.competition.review-reminder.v1} (once per juror, category and round). To: the juror.
     * Model: {@code category}, {@code round}, {@code pendingReviews} (at least 1; a reminder with nothing
     * pending is not sent), {@code onePending} (for the singular), {@code endsAt} (ISO instant, written in
     * Bamako time).
     */
    REVIEW_REMINDER(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.competition.application-preselected.v1}. To: the applicant. Their rank and any
     * override reason stay with the organizers. Model: {@code reference}, {@code title}, {@code category}.
     */
    PRESELECTED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.competition.application-not-preselected.v1}. To: the applicant. Model:
     * {@code reference}, {@code category}; {@code title} when the submission is known here; {@code feedbackLink}
     * (the application's page on the portal) when the category shares the jury's comments with applicants.
     */
    NOT_PRESELECTED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.competition.award-granted.v1}. To: the applicant. Model: {@code prize} (FIRST,
     * SECOND, THIRD, WOMEN_LED_SPECIAL_PRIZE; {@code other} when unknown), {@code title}; {@code category}
     * for a category's prize (absent for the special prize, which is across categories).
     */
    AWARD_GRANTED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.competition.results-published.v1}. To: every person with a submitted application in
     * the edition this service knows of (one notice each, whatever their number of applications; someone
     * whose submission is learnt after the publication is told then). Winners get it too, besides their
     * award. Model: {@code resultsLink} ({@code sdn.portal.base-url} + {@code /results?edition=<editionId>}),
     * {@code editionNumber} (absent when unknown).
     */
    RESULTS_PUBLISHED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.incubatee-enrolled.v1}: the preselected candidate joined the edition's AGETIC
     * cohort. To: the participant. Required: it is the contact the preselection notice announced, and they
     * must act on it. Model: {@code title} (the project), {@code organizationName} (absent for a project team
     * without one).
     */
    INCUBATION_ENROLLED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.incubation.coach-assigned.v1}. To: the participant ({@code forCoach} false: who their
     * coach is) and the new coach ({@code forCoach} true: a new incubatee). Optional: both see it on their
     * dashboard. Model: {@code forCoach}, {@code title}; for the participant {@code coachName} (absent when the
     * coach's profile is not known here or was erased: "your coach") and {@code reassigned} (a new coach after
     * another); for the coach {@code organizationName} and {@code participantName} (each absent when unknown).
     */
    COACH_ASSIGNED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.session-logged.v1}. To: the participant. Never the session's notes (the
     * event does not carry them, and nothing else would be read). Optional: they attended it. Model:
     * {@code heldAt} (ISO instant, written in Bamako time), {@code durationMinutes}, {@code mode}
     * (AT_THE_CENTRE, REMOTE; absent when unknown), {@code coachName} (absent when unknown).
     */
    SESSION_LOGGED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.milestone-submitted.v1}. To: the coach (to validate or send back).
     * Optional: the coach's dashboard lists what waits. Model: {@code milestone} (its title), {@code title}
     * (the project) and {@code organizationName}, each absent when the incubatee is not known here.
     */
    MILESTONE_SUBMITTED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.milestone-validated.v1}. To: the participant. Optional. Model:
     * {@code milestone}.
     */
    MILESTONE_VALIDATED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.milestone-sent-back.v1}. To: the participant, with the coach's feedback,
     * which is written for them. Optional: their coach tells them in their sessions too. Model:
     * {@code milestone}, {@code feedback} (absent when empty).
     */
    MILESTONE_SENT_BACK(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.milestone-overdue.v1} (once per milestone). To: the participant
     * ({@code forCoach} false) and the coach ({@code forCoach} true; none when no coach is assigned).
     * Optional. Model: {@code forCoach}, {@code milestone}, {@code dueDate} (ISO day); for the coach
     * {@code title} and {@code organizationName} when known.
     */
    MILESTONE_OVERDUE(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.incubatee-at-risk.v1} (once per at-risk spell). To: the coach only (none
     * when no coach is assigned: organizers see it on the cohort's dashboard). Optional: the coach's
     * dashboard flags it. Model: {@code title}, {@code organizationName} (absent when unknown),
     * {@code noRecentSession} with {@code lastSessionAt} (ISO instant; absent: no session yet),
     * {@code overdueMilestones} with {@code overdueCount} and {@code oneOverdue}, {@code otherReason} (a
     * reason code this service does not know). Reasons are written in words, never as codes.
     */
    INCUBATEE_AT_RISK(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.incubation.incubatee-graduated.v1}. To: the participant, found in
     * {@code known_incubatees}. Required: the outcome of their own candidacy (a graduate is a finalist).
     * Model: {@code title}.
     */
    INCUBATEE_GRADUATED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.incubation.incubatee-dropped.v1}. To: the participant, found in
     * {@code known_incubatees}. Required: the outcome of their own candidacy (no longer a finalist). Model:
     * {@code title}, {@code reason} (the organizer's, written for them; absent when empty).
     */
    INCUBATEE_DROPPED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.notification.broadcast-requested.v1}: an organizer (or a coordinator, to their
     * delegation) wrote to a group (package {@code broadcasts}). To: each person of the audience. Required:
     * organizers write to a group for what everyone must know (a room changed, the pitch-day call); by SMS
     * too when the sender ticked it, whatever the kind's SMS choice. Model: {@code subjectFr}, {@code bodyFr},
     * {@code subjectEn}, {@code bodyEn} (each template uses its language's), as the sender wrote them.
     */
    BROADCAST(Email.REQUIRED, false),

    /**
     * Cause: none: an SMS budget was reached ({@code sms.SmsBudget}), once per limit and period. To: the
     * organizers, in their inbox only (the shared recipient {@link #ORGANIZERS}); never in anyone's preferences.
     * Model: {@code edition} (true: the edition's budget; false: the day's cap), {@code editionName},
     * {@code day} (ISO date), {@code limit} and {@code used} (segments).
     */
    SMS_BUDGET_REACHED(Email.REQUIRED, false);

    /** The inbox every organizer reads besides their own (notices about the platform, not about a person). */
    public static final String ORGANIZERS = "organizers";

    /**
     * The kinds also sent by SMS, to a person with a phone number, as a short text ({@code <kind>.sms.mustache}):
     * the results of their own application (receipt with its reference, preselection decision, prize) and a
     * place freed for them (with the badge code), which are required as their e-mail is; a confirmed place
     * (the badge code) and a milestone sent back by the coach, which follow the person's SMS choice.
     */
    private static final Set<NotificationKind> BY_SMS = EnumSet.of(APPLICATION_SUBMITTED, PRESELECTED, NOT_PRESELECTED,
            AWARD_GRANTED, ATTENDANCE_PROMOTED, ATTENDANCE_CONFIRMED, ATTENDANCE_REMINDER, SESSION_REMINDER, MILESTONE_SENT_BACK);

    /** Kinds for the organizers' shared inbox, about the platform: no person chooses anything about them. */
    private static final Set<NotificationKind> FOR_ORGANIZERS = EnumSet.of(SMS_BUDGET_REACHED);

    /** Whether a person may switch a kind's e-mail off. */
    public enum Email {
        /** On unless the person switches it off. */
        OPTIONAL,
        /** Always e-mailed: the person must receive it. */
        REQUIRED
    }

    private final Email email;
    private final boolean secretInBody;

    NotificationKind(Email email, boolean secretInBody) {
        this.email = email;
        this.secretInBody = secretInBody;
    }

    /** The person must receive its e-mail: it cannot be switched off. */
    public boolean emailRequired() {
        return email == Email.REQUIRED;
    }

    /** Sent by SMS too (to a person with a phone number); see {@link #BY_SMS}. */
    public boolean bySms() {
        return BY_SMS.contains(this);
    }

    /** Sent by SMS whatever the person chose: a kind sent by SMS whose e-mail is required. */
    public boolean smsRequired() {
        return bySms() && emailRequired();
    }

    /** Sent to people (and so in their preferences), not to the organizers' shared inbox. */
    public boolean forPeople() {
        return !FOR_ORGANIZERS.contains(this);
    }

    /** {@code PROFILE_CREATED} → {@code profile-created}. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The body carries a secret (a one-time link): the delivery log drops it once the e-mail is final. */
    public boolean secretInBody() {
        return secretInBody;
    }
}
