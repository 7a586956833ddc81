package ml.sdn.portal.participant.attendance;

/** A page of the portal, for tests of the layout in other packages. */
public final class BadgeClaimPagesTestAccess {

    public static final String VIEW = BadgeClaimController.VIEW;

    private BadgeClaimPagesTestAccess() {
    }

    public static Object emptyForm() {
        return BadgeClaimController.Form.empty();
    }
}
