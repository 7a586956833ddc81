/**
 * Attendance at the week: days with a capacity, registration with a waiting list, badges, check-in.
 *
 * <h2>HTTP ({@code /api/registrations/attendance})</h2>
 * <ul>
 * <li>{@code PUT /days/{date}} {capacity 1..100000} — organizer; 201 opened, 200 capacity changed; a day
 *     in the past is 409. Raising the capacity promotes waiting people at once. Lowering it below the
 *     confirmed count is <b>allowed and evicts nobody</b>: nobody new is confirmed until cancellations
 *     bring the day under its capacity ({@code overbooked} shows by how many it is over).</li>
 * <li>{@code GET /days} — anyone signed in: day, capacity, confirmed, waiting, placesLeft, overbooked.</li>
 * <li>{@code POST /days/{date}/registrations} — anyone signed in <b>with a participant profile</b> (not
 *     erased; else 409), whatever their role (coordinators, jurors and coaches attend too): 201
 *     {attendanceId, day, status CONFIRMED|WAITING, position while waiting, badgeCode while confirmed}.
 *     Registering again for a day one is registered for answers <b>200 with the existing
 *     registration</b> (a request retried on a flaky phone connection does no harm). A day not opened:
 *     404; a day over (before today in {@code sdn.attendance.zone}, Bamako): 409.</li>
 * <li>{@code DELETE /days/{date}/registrations/me} — 204; gives up the place (it goes to the first waiting
 *     person) or leaves the list; not registered: 404; already checked in that day: 409; day over: 409.</li>
 * <li>{@code GET /me} — my active registrations by day; {@code position} is live (1 = next).</li>
 * <li>{@code GET /me/badge} — image/png QR code of my badge code, {@code Cache-Control: no-store}; only
 *     while I hold a confirmed place for some day, else 404.</li>
 * <li>{@code POST /days/{date}/check-ins} {badgeCode, door, checkInId?} — <b>door staff ({@code staff}) and
 *     organizers</b>, whatever the attendee's delegation (staff at the CICB doors let everybody in;
 *     coordinators support their delegation but do not run the doors): 200 {attendanceId, displayName,
 *     organization, country, day, checkedInAt, door, checkInId, firstCheckIn}. Counted once per person and
 *     day: the first check-in keeps its time, door and id; a second scan the same day (another id, any door)
 *     answers <b>200 with firstCheckIn false and the first check-in's time and door</b> ("already checked in
 *     at 09:12 by door B"), no second CheckedIn event; the same check-in sent again (same {@code checkInId},
 *     a retry) answers as itself, firstCheckIn true. A code that cannot be a badge code: 400; a code no badge
 *     has (forged, mistyped, erased), a badge whose holder is not registered that day, is only waiting, or
 *     cancelled: <b>422 naming {@code badgeCode}</b> with {@code refusal} UNKNOWN_BADGE, OTHER_DAY, WAITING or
 *     CANCELLED, nothing recorded ({@link ml.sdn.registration.attendance.DoorCheckIn}'s refusals, rule exceptions
 *     mapped to HTTP by the platform like every other).</li>
 * <li>{@code POST /walk-ins} {name, category, country, organization, phone, email, days[]} — organizers, and
 *     coordinators for their delegation only (another country, or no delegation: <b>403 naming {@code country}</b>,
 *     nothing stored; a coordinator may leave the country out): registers a person <b>without an account</b> for
 *     open days (confirmed at once, over and above the day's capacity, no event: nobody to notify) with a badge code
 *     like anyone's. 201; the same person again (country, name with accents and case ignored, e-mail else phone
 *     digits: {@link ml.sdn.registration.attendance.WalkInRules}) answers the same walk-in and badge, 200 when no day
 *     was new. Every field at fault at once: 400 naming them.</li>
 * <li>{@code POST /walk-ins/import?day=…&day=…} (body {@code text/csv}) — the same, for each line of a CSV file
 *     ({@link ml.sdn.registration.attendance.WalkInCsv}: UTF-8, {@code ;} or {@code ,}, optional header): 200
 *     {registered, alreadyRegistered, rejected, lines[{line, name, outcome, badgeCode, errors[{field, message}]}]};
 *     a bad line does not stop the others; importing the same file again registers nobody twice. The days or the
 *     file unusable (not UTF-8, empty, over 2000 lines): 400 naming {@code days} / {@code file}.</li>
 * <li>{@code POST /days/{date}/door-walk-ins} — door staff and organizers: a walk-in registered and let in at a
 *     door while online (the door's page without JavaScript), with a code the service sets aside for the form's
 *     {@code clientId} (see {@link ml.sdn.registration.attendance.OfflineCheckIns#registerAtDoor}).</li>
 * <li>{@code POST /me/badge-claims} {badgeCode, contact} — the person (with a profile): a badge registered without
 *     an account becomes theirs, with its days and check-ins, on the phone or e-mail given then as proof
 *     ({@link ml.sdn.registration.attendance.BadgeClaims}, rules in {@link ml.sdn.registration.attendance.BadgeClaim}).</li>
 * <li>{@code GET /days/{date}/attendees?q} — door staff and organizers: the day's confirmed attendees whose
 *     name or organisation contains {@code q} (accents and case ignored) or whose phone contains its digits
 *     (4 at least), at most 20: attendanceId, badgeCode, displayName, organization, country, phone masked
 *     ({@code +223 •• •• •• 56}), checkedInAt and door once in. No e-mail, no gender. {@code q} shorter than
 *     2 characters: 400 naming {@code q}.</li>
 * </ul>
 *
 * <h2>Places and the waiting list, with any number of instances</h2>
 * Everybody who registers first takes the day's next {@code waitingSequence} and records it as
 * {@code joining}, in one conditional update of the day document, and is stored WAITING; then the
 * {@code joining} record is removed and promotions run. Promotions serve nobody behind a number still
 * joining (its registration asks for promotions once written): without that, the registration with the
 * next number could be written first and take the place meant for the one before it. A promotion takes a place with ONE
 * findAndModify on the day ({@code confirmed < capacity} → {@code $inc confirmed 1}, recording a hold),
 * then claims the first WAITING attendance by sequence ({@link ml.sdn.registration.attendance.WaitingList})
 * with one conditional update that binds the place reference (unique sparse index {@code placeRef});
 * if nobody waits, the place is given back (conditional on the hold, so at most once). Thus a newcomer
 * can never take a freed place ahead of people already waiting, no place is bound twice, and nobody is
 * promoted twice. A cancellation of a confirmed place first records a hold for it (the place stays
 * counted), then cancels, then hands the held place to the first waiting person.
 * <p>
 * {@link ml.sdn.registration.attendance.AttendanceReconciler} (every {@code sdn.attendance.reconcile-interval},
 * one instance at a time through the platform's {@link ml.sdn.platform.scheduling.LockedJob}: ShedLock on the
 * service's database, as the outbox relay)
 * finishes hand-overs whose instance died (holds older than {@code sdn.attendance.hold-timeout}), drops
 * {@code joining} records as old (a registration whose instance died before writing it),
 * promotes wherever places are free and people wait, and announces registrations left unannounced.
 * It assumes no live instance stalls longer than the hold timeout between two writes of one hand-over.
 *
 * <h2>Categories</h2>
 * Every attendance has an {@link ml.sdn.registration.attendance.AttendeeCategory} (participant when none is
 * stored: people who register themselves): printed in words on a band of the category's colour across the top of
 * the badge, and a filter of the batch ({@code category=}). Walk-ins take the category they were registered with.
 * A walk-in's id ({@code walkin:<uuid>}, collection {@code attendance_walkins}) stands for a participant id in
 * attendances and badges; the door finds them by name, organisation or phone like anyone.
 *
 * <h2>Badge</h2>
 * One badge code per person for the whole week (collection {@code attendance_badges}, unique code),
 * issued at the first confirmation and copied into each confirmed attendance: 16 characters from a
 * 32-letter alphabet without look-alikes (80 random bits from SecureRandom), typed codes accepted in any
 * case with or without dashes. Printed by {@link ml.sdn.registration.attendance.BadgePdf}, one drawing for
 * a person's own A6 badge ({@code GET /me/badge.pdf}) and an organizer's batch of a day
 * ({@code GET /days/{date}/badges.pdf?country&category&layout}: A4 sheets of four or one A6 page each; coordinators their delegation
 * only, another one 403; nobody to print 404, never an empty PDF).
 *
 * <h2>Personal data</h2>
 * Export: every attendance (cancelled ones too) and the badge. Erasure: registrations from today on are
 * cancelled (places go to the waiting lists), every attendance's participant id is replaced by
 * {@code erased:<attendanceId>} and its badge code removed, the badge deleted; past attendances stay,
 * anonymous, so the days' counts do not change. The walk-in record the person claimed is deleted (and the codes'
 * link to it), and a door's staff member's codes set aside per device go (unused) or stop naming them (used).
 * Idempotent.
 *
 * <h2>Events</h2>
 * Topic {@code registration.attendance} (3 partitions), key = attendance id (one per person and day,
 * reused when registering again): AttendanceConfirmed (a registration confirmed at once),
 * AttendanceWaitListed (with the position), AttendancePromoted, AttendanceCancelled, CheckedIn (with the door); written
 * in the attendance's own outbox in the same update as the change.
 */
package ml.sdn.registration.attendance;
