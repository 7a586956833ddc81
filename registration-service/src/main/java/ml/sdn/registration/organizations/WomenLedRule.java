package ml.sdn.registration.organizations;

import java.util.List;

/**
 * Whether an organisation is <em>women-led</em>, the condition of the edition's Special Prize for the
 * best women-led initiative. It is derived from the members, never typed in:
 * <p>
 * <b>An organisation is women-led when its lead is a woman, or when women are the strict majority of its
 * members</b> (more women than half of all members).
 * <p>
 * Every member counts in the majority, whatever their gender: a member whose gender is not stated
 * counts as a member but not as a woman, so withholding genders can never make a team women-led. A tie
 * (two women, two men) is not a majority. A woman lead is enough on her own, even in a male majority.
 */
public final class WomenLedRule {

    private WomenLedRule() {
    }

    public static boolean isWomenLed(List<Member> members) {
        if (members == null || members.isEmpty()) {
            return false;
        }
        boolean womanLead = members.stream().anyMatch(member -> member.lead() && member.isWoman());
        long women = members.stream().filter(Member::isWoman).count();
        return womanLead || women * 2 > members.size();
    }
}
