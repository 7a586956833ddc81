/**
 * Organisations (start-ups, SMEs, project teams), their members and invitations.
 *
 * <h2>Endpoints (under {@code /api/registrations/organizations})</h2>
 * <ul>
 *   <li>{@code POST /} (participant with a profile): register; the caller is the owner and a member. 201 + Location.</li>
 *   <li>{@code GET /sectors} (any role): the sector codes with labels in the request's language.</li>
 *   <li>{@code GET /mine} (participant): the organisations the caller owns or belongs to.</li>
 *   <li>{@code GET /} (organizer: all; coordinator: their country): paged, filters country, type, sector, womenLed, q.</li>
 *   <li>{@code GET /{id}}: members, organizers, the coordinator of its country; 404 for anyone else.</li>
 *   <li>{@code PUT /{id}} (owner): the whole organisation, members listed by memberId; optional {@code updatedAt}
 *       precondition (409 when the organisation changed since).</li>
 *   <li>{@code POST /{id}/invitations}, {@code GET /{id}/invitations}, {@code DELETE /{id}/invitations/{invitationId}}
 *       (owner); {@code POST /invitations/accept} (participant with a profile, signed in with the invited address).</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Creator.</b> The request's {@code creator} object gives the creator's role, whether they lead and,
 *       optionally, their gender (default: their profile's, else NOT_STATED); their name comes from their profile.
 *       {@code members} are the other members, declared by name without accounts ({@code participantId} null).</li>
 *   <li><b>Women-led</b> ({@link ml.sdn.registration.organizations.WomenLedRule}) is derived on every change of the
 *       members and stored as {@code womenLed}; a {@code womenLed} sent in a request is ignored (so that a page can
 *       send back what it read), never refused.</li>
 *   <li><b>Country</b> must be the caller's token country (400 naming {@code country}); type and country never change.</li>
 *   <li><b>Names</b> are unique per country under {@link ml.sdn.registration.organizations.NameKey} (the service's one
 *       name normalisation, participants' {@code SearchKey}: NFKD, lower case, accents and invisible format/control
 *       characters dropped, œ/æ/ß spelt out, white space collapsed), held by the unique index (country, nameKey): 409.
 *       A name must keep 2 characters under it (400 naming {@code name}).</li>
 *   <li><b>One organisation per type per participant</b> is held by claims in {@code organization_memberships}
 *       ({@code _id = participantId:type}), inserted before the organisation or member is written, released when
 *       that write fails, when the owner removes the member, or on erasure; a claim older than a minute whose
 *       organisation does not list the person is stale (a crash) and replaced.</li>
 *   <li><b>Personal data in views.</b> A member's gender is shown to organizers, to that member, and to the owner for
 *       the members they declared; participant ids to organizers, the country's coordinator and their owner. The owner
 *       cannot change the name or gender of a member who has an account.</li>
 *   <li><b>Invitations</b> keep only the SHA-256 of a 256-bit token; the token travels once, in {@code MemberInvited}
 *       (keyed by the organisation, language fr unless the invitee is a participant who chose en). Accepting is one
 *       atomic PENDING → ACCEPTED change; 404 unknown, 409 used, 410 expired or withdrawn, 403 another address.
 *       The organisation records the invitations joined with ({@code usedInvitations}) in the write that adds the
 *       member, so a link lets its invitee in once: removed by the owner, they cannot come back with it (409 used);
 *       an accept interrupted before that write is finished by accepting again. The member limit (50) is checked
 *       again on the copy that is saved (409, the invitation pending again). Re-inviting an address replaces its
 *       pending invitation; withdrawing or replacing one also drops its e-mail if the relay has not sent it yet. At
 *       most 20 are pending per organisation. An invitation may name a declared member, whose entry the invitee then
 *       takes over (keeping its lead flag).</li>
 *   <li><b>Profiles</b> are read from the {@code participants} collection; an erased one is no profile (409
 *       "create your profile first"). A member's gender is their profile's when they gave one (NOT_STATED included);
 *       the owner's statement counts only when they gave none.</li>
 *   <li><b>Erasure</b> keeps the member entry (role, lead) without account, name or gender; an owned organisation
 *       passes to its lead if the lead has an account, else to the first member with one, else to nobody.</li>
 * </ul>
 */
package ml.sdn.registration.organizations;
