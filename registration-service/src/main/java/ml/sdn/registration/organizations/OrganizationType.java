package ml.sdn.registration.organizations;

/** What kind of organisation registers: the start-up competitions take START_UP and SME, the project contest PROJECT_TEAM. */
public enum OrganizationType {
    START_UP,
    SME,
    PROJECT_TEAM
}
