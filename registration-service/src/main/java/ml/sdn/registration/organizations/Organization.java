package ml.sdn.registration.organizations;

import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.events.registration.MemberJoined;
import ml.sdn.events.registration.OrganizationMember;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.events.registration.OrganizationUpdated;
import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A start-up, SME or project team (the aggregate). Its owner created it and is one of its members;
 * exactly one member leads it; {@code womenLed} is derived by {@link WomenLedRule} on every change of
 * the members and stored so that queries and statistics can use it. Type and country never change.
 * The events announcing its changes wait in {@code outbox}, saved in the same write.
 */
@Document(Organization.COLLECTION)
public class Organization {

    public static final String COLLECTION = "organizations";
    /** Members of one organisation, owner included. */
    static final int MAX_MEMBERS = 50;

    @Id
    private final String id;
    private String name;
    private String nameKey;
    private final OrganizationType type;
    private final String country;
    private Sector sector;
    private Integer foundingYear;
    @Field(write = Field.Write.ALWAYS)
    private String registrationNumber;
    private String description;
    /** Null once its owner was erased and no member with an account could take it over. */
    @Field(write = Field.Write.ALWAYS)
    private String ownerId;
    private List<Member> members;
    private boolean womenLed;
    /**
     * The invitations people joined with, recorded in the same write as their joining: an invitation's link
     * lets its invitee in once, even after the owner has removed them (see {@link #join}).
     */
    private List<String> usedInvitations;
    private final Instant registeredAt;
    private Instant updatedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    /** What the owner may change after the registration. */
    record Details(String name, Sector sector, Integer foundingYear, String registrationNumber, String description) {

        Details {
            name = name.strip();
            registrationNumber = registrationNumber == null || registrationNumber.isBlank() ? null : registrationNumber.strip();
            description = description == null ? null : description.strip();
        }
    }

    /**
     * A member as the owner lists it when editing: {@code memberId} names an existing member (null for a new,
     * declared one); null {@code name} or {@code gender} keep the existing member's.
     */
    record MemberDraft(String memberId, String name, String role, Gender gender, boolean lead) {
    }

    /** What an edit did: whether anything changed, and which account holders are no longer members. */
    record Edit(boolean changed, Set<String> removedParticipants) {
    }

    @PersistenceCreator
    Organization(String id, String name, String nameKey, OrganizationType type, String country, Sector sector,
                 Integer foundingYear, String registrationNumber, String description, String ownerId, List<Member> members,
                 boolean womenLed, List<String> usedInvitations, Instant registeredAt, Instant updatedAt, Long version,
                 List<PendingEvent> outbox) {
        this.id = id;
        this.name = name;
        this.nameKey = nameKey;
        this.type = type;
        this.country = country;
        this.sector = sector;
        this.foundingYear = foundingYear;
        this.registrationNumber = registrationNumber;
        this.description = description;
        this.ownerId = ownerId;
        this.members = members == null ? List.of() : List.copyOf(members);
        this.womenLed = womenLed;
        this.usedInvitations = usedInvitations == null ? List.of() : List.copyOf(usedInvitations);
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new organisation whose owner is {@code owner} (a member with an account); {@code others} are declared members. */
    static Organization register(String id, OrganizationType type, String country, Details details, Member owner,
                                 List<Member> others, Instant now) {
        requireVisibleName(details.name());
        List<Member> members = new ArrayList<>();
        members.add(owner);
        members.addAll(others);
        requireOneLead(members);
        Organization organization = new Organization(id, details.name(), NameKey.of(details.name()), type, country,
                details.sector(), details.foundingYear(), details.registrationNumber(), details.description(),
                owner.participantId(), members, WomenLedRule.isWomenLed(members), List.of(), now, now, null, List.of());
        organization.outbox.add(PendingEvent.of(OrganizationRegistered.TYPE, id, new OrganizationRegistered(id,
                organization.name, type.name(), country, details.sector().name(), details.foundingYear(),
                organization.ownerId, organization.snapshot(), organization.womenLed, now)));
        return organization;
    }

    /**
     * Applies the owner's edit. Members are listed whole: existing ones by {@code memberId}, new declared ones
     * without; an account holder left out stops being a member, except the owner, who stays. The name and the
     * gender of a member with an account are theirs: the owner changes only their role and who leads (and
     * their own gender).
     *
     * @throws ml.sdn.platform.rules.FieldsRejectedException naming every member entry that cannot be applied (and the name), at once
     */
    Edit update(Details details, List<MemberDraft> drafts, String editorId, Instant now) {
        FieldChecks checks = FieldChecks.none();
        if (!details.name().equals(name) && NameKey.of(details.name()).length() < 2) {
            checks.reject("name", "organization.name.size");
        }
        Map<String, Member> current = new HashMap<>();
        members.forEach(member -> current.put(member.memberId(), member));
        Set<String> listed = new HashSet<>();
        List<Member> next = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MemberDraft draft = drafts.get(i);
            String field = "members[" + i + "]";
            String role = draft.role().strip();
            if (draft.memberId() == null) {
                boolean named = draft.name() != null && !draft.name().isBlank();
                if (!named) {
                    checks.reject(field + ".name", "organization.member.name.required");
                }
                if (draft.gender() == null) {
                    checks.reject(field + ".gender", "organization.member.gender.required");
                }
                if (named && draft.gender() != null) {
                    next.add(new Member(UUID.randomUUID().toString(), null, draft.name().strip(), role, draft.gender(), draft.lead()));
                }
                continue;
            }
            Member existing = current.get(draft.memberId());
            if (existing == null) {
                checks.reject(field + ".memberId", "organization.member.unknown");
                continue;
            }
            if (!listed.add(existing.memberId())) {
                checks.reject(field + ".memberId", "organization.member.listed-twice");
                continue;
            }
            if (existing.hasAccount()) {
                boolean self = existing.participantId().equals(editorId);
                Gender gender = self && draft.gender() != null ? draft.gender() : existing.gender();
                next.add(new Member(existing.memberId(), existing.participantId(), existing.name(), role, gender, draft.lead()));
            } else {
                next.add(new Member(existing.memberId(), null,
                        draft.name() == null || draft.name().isBlank() ? existing.name() : draft.name().strip(), role,
                        draft.gender() == null ? existing.gender() : draft.gender(), draft.lead()));
            }
        }
        if (ownerId != null && next.stream().noneMatch(member -> ownerId.equals(member.participantId()))) {
            checks.reject("members", "organization.members.owner-stays");
        } else if (checks.ok("members") && next.stream().filter(Member::lead).count() != 1) {
            // who leads is judged on the whole team: only once every row is right
            checks.reject("members", "organization.members.one-lead");
        }
        checks.throwIfAny();
        Set<String> removed = new HashSet<>();
        members.stream().filter(Member::hasAccount).filter(member -> !listed.contains(member.memberId()))
                .forEach(member -> removed.add(member.participantId()));
        boolean changed = !details.equals(details()) || !next.equals(members);
        if (changed) {
            name = details.name();
            nameKey = NameKey.of(name);
            sector = details.sector();
            foundingYear = details.foundingYear();
            registrationNumber = details.registrationNumber();
            description = details.description();
            changeMembers(next, now);
        }
        return new Edit(changed, removed);
    }

    boolean isFull() {
        return members.size() >= MAX_MEMBERS;
    }

    /**
     * Whether someone can join as {@code declaredMemberId} (null: as a new member): taking over a declared
     * member's entry adds nobody, a new member needs a free place.
     */
    boolean hasRoomFor(String declaredMemberId) {
        return !isFull() || (declaredMemberId != null && declaredMember(declaredMemberId).isPresent());
    }

    /** Whether someone already joined with invitation {@code invitationId}. */
    boolean usedInvitation(String invitationId) {
        return usedInvitations.contains(invitationId);
    }

    boolean hasMember(String participantId) {
        return members.stream().anyMatch(member -> participantId.equals(member.participantId()));
    }

    /** A declared member (no account yet) of this organisation, by id. */
    Optional<Member> declaredMember(String memberId) {
        return members.stream().filter(member -> member.memberId().equals(memberId) && !member.hasAccount()).findFirst();
    }

    /**
     * A participant joins with invitation {@code invitationId}, which is recorded as used. If the invitation named
     * a declared member, that entry becomes theirs (and keeps leading if it led); otherwise they are a new,
     * non-leading member.
     *
     * @throws IllegalStateException if the invitation was used already, or there is no room (check
     *                               {@link #usedInvitation} and {@link #hasRoomFor} first)
     */
    void join(String participantId, String memberName, String role, Gender gender, String declaredMemberId,
              String invitationId, Instant now) {
        if (usedInvitation(invitationId)) {
            throw new IllegalStateException("Invitation " + invitationId + " was used already in " + id);
        }
        if (!hasRoomFor(declaredMemberId)) {
            throw new IllegalStateException("Organisation " + id + " has " + MAX_MEMBERS + " members already");
        }
        List<String> used = new ArrayList<>(usedInvitations);
        used.add(invitationId);
        usedInvitations = List.copyOf(used);
        List<Member> next = new ArrayList<>(members);
        Optional<Member> declared = declaredMemberId == null ? Optional.empty() : declaredMember(declaredMemberId);
        if (declared.isPresent()) {
            Member entry = declared.get();
            next.set(next.indexOf(entry), new Member(entry.memberId(), participantId, memberName, role, gender, entry.lead()));
        } else {
            next.add(new Member(UUID.randomUUID().toString(), participantId, memberName, role, gender, false));
        }
        outbox.add(PendingEvent.of(MemberJoined.TYPE, id, new MemberJoined(id, name, participantId, role, now)));
        changeMembers(next, now);
    }

    /**
     * Forgets a participant who asked for erasure: their member entry stays (the team's size and roles do not
     * change) without their account, name or gender; if they owned the organisation, it passes to the lead if
     * the lead has an account, else to the first member with one, else to nobody (organizers still see it).
     * True if anything changed: run again, it changes nothing.
     */
    boolean erase(String participantId, Instant now) {
        boolean touched = false;
        List<Member> next = new ArrayList<>();
        for (Member member : members) {
            if (participantId.equals(member.participantId())) {
                next.add(new Member(member.memberId(), null, null, member.role(), Gender.NOT_STATED, member.lead()));
                touched = true;
            } else {
                next.add(member);
            }
        }
        if (participantId.equals(ownerId)) {
            ownerId = next.stream().filter(Member::hasAccount).filter(Member::lead).findFirst()
                    .or(() -> next.stream().filter(Member::hasAccount).findFirst())
                    .map(Member::participantId).orElse(null);
            touched = true;
        }
        if (touched) {
            changeMembers(next, now);
        }
        return touched;
    }

    private void changeMembers(List<Member> next, Instant now) {
        members = List.copyOf(next);
        womenLed = WomenLedRule.isWomenLed(members);
        updatedAt = now;
        outbox.add(PendingEvent.of(OrganizationUpdated.TYPE, id, new OrganizationUpdated(id, name, type.name(), country,
                sector.name(), foundingYear, ownerId, snapshot(), womenLed, now)));
    }

    /** Invisible characters (a zero-width space…) count for @Size but not in the key: a name must show 2 of its own. */
    private static void requireVisibleName(String name) {
        if (NameKey.of(name).length() < 2) {
            throw new FieldRejectedException("name", "organization.name.size");
        }
    }

    private static void requireOneLead(List<Member> members) {
        if (members.stream().filter(Member::lead).count() != 1) {
            throw new FieldRejectedException("members", "organization.members.one-lead");
        }
    }

    private List<OrganizationMember> snapshot() {
        return members.stream().map(member -> new OrganizationMember(member.memberId(), member.participantId(),
                member.name(), member.role(), member.gender().name(), member.lead())).toList();
    }

    Details details() {
        return new Details(name, sector, foundingYear, registrationNumber, description);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganizationType type() {
        return type;
    }

    public String country() {
        return country;
    }

    public Sector sector() {
        return sector;
    }

    public Integer foundingYear() {
        return foundingYear;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String description() {
        return description;
    }

    public String ownerId() {
        return ownerId;
    }

    public List<Member> members() {
        return members;
    }

    public boolean womenLed() {
        return womenLed;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public String toString() {
        return "Organization[" + id + ", version " + Objects.toString(version) + "]";
    }
}
