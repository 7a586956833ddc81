/**
 * The week's programme: sessions (title in French and English, kind, room, start and end in Bamako time on
 * one of the week's days, speakers by name and organisation, optional capacity) and each person's agenda.
 *
 * <h2>HTTP ({@code /api/registrations/programme})</h2>
 * <ul>
 * <li>{@code GET /sessions}, {@code GET /sessions/{id}} — <b>anyone, without signing in</b> (the public
 *     programme): in time order, times in Bamako time ({@code 2026-01-29T10:00}), with the places taken,
 *     the people waiting and the places left when the session has a capacity. {@code GET /days}, also public:
 *     the week's days sessions may be planned on ({@code sdn.attendance.event.*}).</li>
 * <li>{@code POST /sessions}, {@code PUT /sessions/{id}} — organizer: 201 / 200. Every fault at once in one
 *     400 problem naming the fields ({@link ml.sdn.registration.programme.SessionRules}): an unknown kind, an
 *     end before the start or on another day, a day outside the week, a capacity below the places taken or
 *     removed while people are registered. A raised capacity promotes the people waiting.</li>
 * <li>{@code POST /sessions/{id}/agenda} — anyone signed in with a participant profile (409 without):
 *     201 {sessionId, status CONFIRMED|WAITING, position while waiting}; already there: 200 with it; a session
 *     without capacity (open to all): 409; an unknown session: 404. No cut-off in time yet: the week's days are
 *     configuration, not the edition's own dates, and an agenda is changed at the door too.</li>
 * <li>{@code DELETE /sessions/{id}/agenda/me} — 204; the place goes to the first person waiting.</li>
 * <li>{@code GET /me/agenda} — my sessions (held or waited for), in time order.</li>
 * </ul>
 *
 * <h2>Places and waiting lists</h2>
 * As for attendance days: the session document holds its place count and waiting sequence; everybody who adds
 * a session takes the next sequence number (recorded as joining until its entry is written, so that nobody
 * behind it is served first: {@link ml.sdn.registration.attendance.WaitingNumbers}) and waits, then promotions run (take a place with one conditional
 * update of the session, bind it to the head of the list with one conditional update of that entry, or give
 * it back), so nobody gets a freed place ahead of the people waiting, in the order of
 * {@link ml.sdn.registration.attendance.WaitingList}. An instance that dies between the two writes of a
 * hand-over (a place taken and not yet bound, an entry cancelled and its place not yet freed) leaves the count
 * one place too high; {@link ml.sdn.registration.programme.AgendaReconciler} gives such places back once the
 * session has not moved for the hold timeout, then promotes the people waiting.
 *
 * <h2>Events</h2>
 * Topic {@code registration.programme} (3 partitions), key = session id: SessionMoved when an edit changes the
 * start, the end or the room, naming the people holding a place or waiting at that moment; written in the
 * session's own outbox in the same update as the change; SessionReminderDue the day before a session with places
 * (from 16:00 Bamako time, {@link ml.sdn.registration.programme.SessionReminders}), naming the people holding a
 * place, once per session and start time.
 */
package ml.sdn.registration.programme;
