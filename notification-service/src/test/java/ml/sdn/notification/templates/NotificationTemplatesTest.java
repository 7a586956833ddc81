package ml.sdn.notification.templates;

import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTemplatesTest {

    /** A model for every kind of the catalogue, as its listener builds it. */
    private static final Map<NotificationKind, Map<String, Object>> SAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(NotificationKind.PROFILE_CREATED, Map.of("recipientName", "Awa Traoré", "country", "BF")),
            Map.entry(NotificationKind.MEMBER_INVITED, Map.of("organizationName", "Kalanso", "inviter", Map.of("name", "Awa Traoré"),
                    "role", "CTO", "acceptLink", "https://sdn.gouv.ml/invitations/i-1?token=t0k3n",
                    "expiresAt", "2026-01-31T18:00:00Z")),
            Map.entry(NotificationKind.ATTENDANCE_CONFIRMED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-29",
                    "badgeCode", "SDN-7Q2K")),
            Map.entry(NotificationKind.ATTENDANCE_WAIT_LISTED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-30", "position", 3)),
            Map.entry(NotificationKind.ATTENDANCE_PROMOTED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-29",
                    "badgeCode", "SDN-7Q2K")),
            Map.entry(NotificationKind.ATTENDANCE_REMINDER, Map.of("recipientName", "Awa Traoré", "day", "2026-01-29",
                    "badgeCode", "SDN-7Q2K")),
            Map.entry(NotificationKind.SMS_BUDGET_REACHED, Map.of("edition", false, "editionName", "2027",
                    "day", "2026-01-29", "limit", 3000L, "used", 3001L)),
            Map.entry(NotificationKind.ATTENDANCE_CANCELLED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-31")),
            Map.entry(NotificationKind.SESSION_MOVED, Map.of("recipientName", "Awa Traoré", "titleFr", "Atelier IA et état civil",
                    "titleEn", "AI and civil registration workshop", "startsAt", "2026-01-30T15:00:00Z",
                    "endsAt", "2026-01-30T16:30:00Z", "room", "Salle Niger", "timeChanged", true,
                    "previousStartsAt", "2026-01-29T10:00:00Z", "roomChanged", true, "previousRoom", "Salle Mali")),
            Map.entry(NotificationKind.SESSION_PLACE_GIVEN, Map.of("recipientName", "Awa Traoré", "titleFr", "Atelier IA et état civil",
                    "titleEn", "AI and civil registration workshop", "startsAt", "2026-01-30T15:00:00Z",
                    "endsAt", "2026-01-30T16:30:00Z", "room", "Salle Niger")),
            Map.entry(NotificationKind.SESSION_REMINDER, Map.of("recipientName", "Awa Traoré", "titleFr", "Atelier IA et état civil",
                    "titleEn", "AI and civil registration workshop", "startsAt", "2026-01-30T15:00:00Z",
                    "endsAt", "2026-01-30T16:30:00Z", "room", "Salle Niger")),
            Map.entry(NotificationKind.APPLICATION_SUBMITTED, Map.of("recipientName", "Awa Traoré", "reference", "SDN3-SUC-0042",
                    "title", "Kalanso Agri", "category", "START_UP_CHALLENGE", "submittedAt", "2026-01-12T14:05:00Z")),
            Map.entry(NotificationKind.APPLICATION_WITHDRAWN, Map.of("recipientName", "Awa Traoré", "reference", "SDN3-SUC-0042",
                    "title", "Kalanso Agri", "category", "START_UP_CHALLENGE", "withdrawnAt", "2026-01-13T09:30:00Z")),
            Map.entry(NotificationKind.DRAFT_TAKEN_OVER, Map.of("recipientName", "Moussa Diallo", "title", "Kalanso Agri",
                    "category", "START_UP_CHALLENGE", "organizationName", "Kalanso")),
            Map.entry(NotificationKind.DRAFT_DELETED, Map.of("recipientName", "Moussa Diallo", "title", "Kalanso Agri",
                    "category", "START_UP_CHALLENGE", "organizationName", "Kalanso")),
            Map.entry(NotificationKind.DEADLINE_EXTENDED, Map.of("recipientName", "Awa Traoré", "category", "PROJECT_CONTEST",
                    "until", "2026-01-16T23:59:00Z", "forYou", false)),
            Map.entry(NotificationKind.JUROR_ASSIGNED, Map.of("recipientName", "Oumar Sidibé", "category", "START_UP_CHALLENGE",
                    "round", "PRESELECTION", "addedByHand", false)),
            Map.entry(NotificationKind.JUROR_UNASSIGNED, Map.of("recipientName", "Oumar Sidibé", "round", "FINAL")),
            Map.entry(NotificationKind.REVIEW_REMINDER, Map.of("recipientName", "Oumar Sidibé", "category", "PROJECT_CONTEST",
                    "round", "PRESELECTION", "pendingReviews", 3, "onePending", false, "endsAt", "2026-01-20T23:59:00Z")),
            Map.entry(NotificationKind.PRESELECTED, Map.of("recipientName", "Awa Traoré", "reference", "SDN3-SUC-0042",
                    "title", "Kalanso Agri", "category", "START_UP_CHALLENGE")),
            Map.entry(NotificationKind.NOT_PRESELECTED, Map.of("recipientName", "Awa Traoré", "reference", "SDN3-PRJ-0007",
                    "title", "Jigi Santé", "category", "PROJECT_CONTEST")),
            Map.entry(NotificationKind.AWARD_GRANTED, Map.of("recipientName", "Awa Traoré", "prize", "FIRST",
                    "title", "Kalanso Agri", "category", "START_UP_CHALLENGE")),
            Map.entry(NotificationKind.RESULTS_PUBLISHED, Map.of("recipientName", "Awa Traoré", "editionNumber", 3,
                    "resultsLink", "https://sdn.gouv.ml/results?edition=ed-3")),
            Map.entry(NotificationKind.INCUBATION_ENROLLED, Map.of("recipientName", "Awa Traoré", "title", "Kalanso Agri",
                    "organizationName", "Kalanso")),
            Map.entry(NotificationKind.COACH_ASSIGNED, Map.of("recipientName", "Awa Traoré", "forCoach", false,
                    "title", "Kalanso Agri", "coachName", "Mariam Diallo", "reassigned", false)),
            Map.entry(NotificationKind.SESSION_LOGGED, Map.of("recipientName", "Awa Traoré", "heldAt", "2026-02-03T09:30:00Z",
                    "durationMinutes", 90, "mode", "AT_THE_CENTRE", "coachName", "Mariam Diallo")),
            Map.entry(NotificationKind.MILESTONE_SUBMITTED, Map.of("recipientName", "Mariam Diallo", "milestone", "Étude de marché",
                    "title", "Kalanso Agri", "organizationName", "Kalanso")),
            Map.entry(NotificationKind.MILESTONE_VALIDATED, Map.of("recipientName", "Awa Traoré", "milestone", "Étude de marché")),
            Map.entry(NotificationKind.MILESTONE_SENT_BACK, Map.of("recipientName", "Awa Traoré", "milestone", "Plan financier",
                    "feedback", "Ajoutez le compte de résultat prévisionnel sur 3 ans.")),
            Map.entry(NotificationKind.MILESTONE_OVERDUE, Map.of("recipientName", "Awa Traoré", "forCoach", false,
                    "milestone", "Prototype", "dueDate", "2026-03-15")),
            Map.entry(NotificationKind.INCUBATEE_AT_RISK, Map.of("recipientName", "Mariam Diallo", "title", "Kalanso Agri",
                    "organizationName", "Kalanso", "noRecentSession", true, "lastSessionAt", "2026-02-03T09:30:00Z",
                    "overdueMilestones", true, "overdueCount", 2, "oneOverdue", false, "otherReason", false)),
            Map.entry(NotificationKind.INCUBATEE_GRADUATED, Map.of("recipientName", "Awa Traoré", "title", "Kalanso Agri")),
            Map.entry(NotificationKind.INCUBATEE_DROPPED, Map.of("recipientName", "Awa Traoré", "title", "Kalanso Agri",
                    "reason", "Projet abandonné par l'équipe.")),
            Map.entry(NotificationKind.BROADCAST, Map.of("recipientName", "Awa Traoré", "subjectFr", "Changement de salle",
                    "bodyFr", "Le pitch de demain a lieu en salle Niger.", "subjectEn", "Room change",
                    "bodyEn", "Tomorrow's pitch is in the Niger room."))));

    private final NotificationTemplates templates = new NotificationTemplates(messages());

    static ResourceBundleMessageSource messages() {
        // as application.yml configures Boot's message source
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    @Test
    void every_kind_of_the_catalogue_has_a_sample_model_here() {
        assertThat(SAMPLES).containsOnlyKeys(NotificationKind.values());
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_kind_renders_in_french_and_english_without_leftover_markup(NotificationKind kind) {
        for (Language language : Language.values()) {
            RenderedMessage message = templates.render(kind, language, SAMPLES.get(kind));

            assertThat(message.language()).isEqualTo(language);
            assertThat(message.subject()).isNotBlank().doesNotContain("\n", "{{", "}}");
            assertThat(message.body()).isNotBlank().doesNotContain("{{", "}}");
        }
    }

    /** What a person should never read: enum-like codes, ISO country codes alone, ISO dates and months. */
    private static final java.util.regex.Pattern RAW = java.util.regex.Pattern.compile("\\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"
            + "|SUBMISSION|EVALUATION|PRESELECTION|INCUBATION|FINAL|CLOSED|DRAFT|SUBMITTED|WITHDRAWN|REMOTE|FIRST|SECOND|THIRD|ML|BF|NE"
            + "|\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+Z?)?|20\\d{2}-\\d{2})\\b");

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_kind_reads_in_words_without_codes_or_iso_dates(NotificationKind kind) {
        for (Language language : Language.values()) {
            RenderedMessage message = templates.render(kind, language, SAMPLES.get(kind));

            assertThat(RAW.matcher(message.subject()).results().map(java.util.regex.MatchResult::group).toList())
                    .as(kind + " " + language + " subject: " + message.subject()).isEmpty();
            assertThat(RAW.matcher(message.body()).results().map(java.util.regex.MatchResult::group).toList())
                    .as(kind + " " + language + " body: " + message.body()).isEmpty();
        }
    }

    /** A message to a group reads as its sender wrote it, in the person's language, by e-mail and by SMS. */
    @Test
    void a_message_to_a_group_reads_in_the_persons_language() {
        Map<String, Object> model = SAMPLES.get(NotificationKind.BROADCAST);
        RenderedMessage french = templates.render(NotificationKind.BROADCAST, Language.FR, model);
        RenderedMessage english = templates.render(NotificationKind.BROADCAST, Language.EN, model);

        assertThat(french.subject()).isEqualTo("Changement de salle");
        assertThat(french.body()).contains("Bonjour Awa Traoré", "Le pitch de demain a lieu en salle Niger.")
                .doesNotContain("Room change", "Tomorrow");
        assertThat(english.subject()).isEqualTo("Room change");
        assertThat(english.body()).contains("Tomorrow's pitch is in the Niger room.").doesNotContain("salle Niger");
        assertThat(templates.renderSms(NotificationKind.BROADCAST, Language.FR, model))
                .isEqualTo("Changement de salle : Le pitch de demain a lieu en salle Niger.");
    }

    /** The kinds sent by SMS: a short text in both languages, in words, within two messages. */
    @ParameterizedTest
    @EnumSource(value = NotificationKind.class, names = {"APPLICATION_SUBMITTED", "PRESELECTED", "NOT_PRESELECTED",
            "AWARD_GRANTED", "ATTENDANCE_PROMOTED", "ATTENDANCE_CONFIRMED", "ATTENDANCE_REMINDER", "MILESTONE_SENT_BACK"})
    void every_kind_sent_by_sms_has_a_short_text_in_words_in_both_languages(NotificationKind kind) {
        assertThat(kind.bySms()).isTrue();
        String french = templates.renderSms(kind, Language.FR, SAMPLES.get(kind));
        String english = templates.renderSms(kind, Language.EN, SAMPLES.get(kind));

        assertThat(french).isNotEqualTo(english);
        for (String text : java.util.List.of(french, english)) {
            assertThat(text).isNotBlank().doesNotContain("{{", "}}", "\n", "  ");
            assertThat(RAW.matcher(text).results().map(java.util.regex.MatchResult::group).toList()).as(text).isEmpty();
            assertThat(ml.sdn.notification.sms.SmsText.encode(text, 6, 1).segments()).as(text).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void only_the_kinds_of_the_sms_catalogue_go_by_sms_and_the_required_ones_are_the_results_and_a_freed_place() {
        assertThat(java.util.Arrays.stream(NotificationKind.values()).filter(NotificationKind::smsRequired))
                .containsExactly(NotificationKind.ATTENDANCE_PROMOTED, NotificationKind.APPLICATION_SUBMITTED,
                        NotificationKind.PRESELECTED, NotificationKind.NOT_PRESELECTED, NotificationKind.AWARD_GRANTED);
        assertThat(NotificationKind.PROFILE_CREATED.bySms()).isFalse();
        assertThatThrownBy(() -> templates.renderSms(NotificationKind.PROFILE_CREATED, Language.FR,
                SAMPLES.get(NotificationKind.PROFILE_CREATED))).hasMessageContaining("profile-created.sms.mustache");
    }

    @Test
    void the_french_receipt_sms_gives_the_reference_with_its_accents() {
        String text = templates.renderSms(NotificationKind.APPLICATION_SUBMITTED, Language.FR,
                SAMPLES.get(NotificationKind.APPLICATION_SUBMITTED));

        assertThat(text).isEqualTo("Semaine du Numérique : votre candidature est bien reçue. Référence SDN3-SUC-0042. "
                + "Conservez ce message, c'est votre accusé de réception.");
        assertThat(ml.sdn.notification.sms.SmsText.encode(text, 6, 1).alphabet())
                .isEqualTo(ml.sdn.notification.sms.SmsText.Alphabet.UCS2);
    }

    @Test
    void a_promotion_by_sms_gives_the_day_in_words_and_the_badge_code() {
        assertThat(templates.renderSms(NotificationKind.ATTENDANCE_PROMOTED, Language.EN,
                SAMPLES.get(NotificationKind.ATTENDANCE_PROMOTED)))
                .isEqualTo("Semaine du Numérique: a place came free, you are registered for Thursday, January 29, 2026. "
                        + "Your badge code: SDN-7Q2K. Cannot come? Cancel on the platform.");
    }

    @Test
    void the_day_before_reminder_says_tomorrow_the_place_and_the_badge_code_by_sms() {
        assertThat(templates.renderSms(NotificationKind.ATTENDANCE_REMINDER, Language.FR,
                SAMPLES.get(NotificationKind.ATTENDANCE_REMINDER)))
                .isEqualTo("Semaine du Numérique : c'est demain, le jeudi 29 janvier 2026, au CICB. "
                        + "Votre code de badge : SDN-7Q2K. Annulez sur la plateforme si vous ne venez plus.");
        // one segment each (GSM 03.38 has é): thousands of people are reminded the same evening
        for (Language language : Language.values()) {
            assertThat(ml.sdn.notification.sms.SmsText.encode(templates.renderSms(NotificationKind.ATTENDANCE_REMINDER, language,
                    SAMPLES.get(NotificationKind.ATTENDANCE_REMINDER)), 6, 1).segments()).hasSize(1);
        }
    }

    @Test
    void the_organizers_are_told_which_sms_limit_is_reached_in_words() {
        RenderedMessage day = templates.render(NotificationKind.SMS_BUDGET_REACHED, Language.FR,
                SAMPLES.get(NotificationKind.SMS_BUDGET_REACHED));
        RenderedMessage edition = templates.render(NotificationKind.SMS_BUDGET_REACHED, Language.EN, Map.of(
                "edition", true, "editionName", "2027", "day", "2026-01-29", "limit", 100000L, "used", 100000L));

        assertThat(day.subject()).isEqualTo("Plafond SMS du jeudi 29 janvier 2026 atteint : seuls les SMS obligatoires partent");
        assertThat(day.body()).contains("3001 segments envoyés pour 3000 prévus", "jusqu'à demain");
        assertThat(edition.subject()).isEqualTo("The 2027 edition's SMS budget is reached: only required SMS go out");
        assertThat(edition.body()).doesNotContain("until tomorrow");
        assertThat(NotificationKind.SMS_BUDGET_REACHED.forPeople()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void french_and_english_texts_differ(NotificationKind kind) {
        RenderedMessage french = templates.render(kind, Language.FR, SAMPLES.get(kind));
        RenderedMessage english = templates.render(kind, Language.EN, SAMPLES.get(kind));

        assertThat(french.subject()).isNotEqualTo(english.subject());
        assertThat(french.body()).isNotEqualTo(english.body());
    }

    @Test
    void a_moved_session_says_the_new_time_and_room_in_words_in_each_language() {
        RenderedMessage french = render(NotificationKind.SESSION_MOVED, Language.FR);
        RenderedMessage english = render(NotificationKind.SESSION_MOVED, Language.EN);
        RenderedMessage roomOnly = templates.render(NotificationKind.SESSION_MOVED, Language.FR, Map.of("recipientName", "Awa",
                "titleFr", "Panel", "titleEn", "Panel", "startsAt", "2026-01-29T10:00:00Z", "endsAt", "2026-01-29T11:00:00Z",
                "room", "Salle 2", "timeChanged", false, "roomChanged", true, "previousRoom", "Salle 1"));

        assertThat(french.subject()).isEqualTo("Changement au programme : « Atelier IA et état civil » change de salle et change d'horaire");
        assertThat(french.body()).contains("Quand : le vendredi 30 janvier 2026 à 15:00 (heure de Bamako, GMT), jusqu'à 16:30\nOù : Salle Niger")
                .contains("Elle était prévue le jeudi 29 janvier 2026 à 10:00").contains("Elle ne se tient plus en « Salle Mali ».");
        assertThat(english.subject()).isEqualTo("Programme change: \"AI and civil registration workshop\" moves to another room and moves to another time");
        assertThat(english.body()).contains("When: Friday, January 30, 2026 at 15:00 (Bamako time, GMT), until 16:30\nWhere: Salle Niger");
        assertThat(roomOnly.subject()).isEqualTo("Changement au programme : « Panel » change de salle");
        assertThat(roomOnly.body()).doesNotContain("prévue").contains("a changé de salle.");
    }

    @Test
    void profile_created_welcomes_the_participant_in_french() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.FR,
                Map.of("recipientName", "Awa Traoré", "country", "BF"));

        assertThat(message.subject()).isEqualTo("Bienvenue à la Semaine du Numérique, Awa Traoré");
        assertThat(message.body())
                .startsWith("Bonjour Awa Traoré,")
                .contains("Votre profil de participant à la Semaine du Numérique est créé.")
                .contains("Pays : Burkina Faso")
                .endsWith("L'équipe de la Semaine du Numérique\n");
    }

    @Test
    void profile_created_welcomes_the_participant_in_english() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.EN,
                Map.of("recipientName", "Moussa Issa", "country", "NE"));

        assertThat(message.subject()).isEqualTo("Welcome to the Semaine du Numérique, Moussa Issa");
        assertThat(message.body())
                .startsWith("Hello Moussa Issa,")
                .contains("Your participant profile")
                .contains("Country: Niger")
                .endsWith("The Semaine du Numérique team\n");
    }

    @Test
    void a_promotion_tells_the_participant_in_french_that_the_freed_place_is_theirs_with_their_badge() {
        RenderedMessage message = templates.render(NotificationKind.ATTENDANCE_PROMOTED, Language.FR,
                SAMPLES.get(NotificationKind.ATTENDANCE_PROMOTED));

        assertThat(message.subject())
                .isEqualTo("Bonne nouvelle : une place s'est libérée, vous êtes inscrit(e) le jeudi 29 janvier 2026");
        assertThat(message.body())
                .startsWith("Bonjour Awa Traoré,")
                .contains("Une place s'est libérée pour le jeudi 29 janvier 2026 : elle est à vous.")
                .contains("Votre code de badge : SDN-7Q2K")
                .endsWith("L'équipe de la Semaine du Numérique\n");
    }

    @Test
    void a_promotion_in_english_writes_the_day_the_english_way() {
        RenderedMessage message = templates.render(NotificationKind.ATTENDANCE_PROMOTED, Language.EN,
                SAMPLES.get(NotificationKind.ATTENDANCE_PROMOTED));

        assertThat(message.subject())
                .isEqualTo("Good news: a place has freed up, you are registered for Thursday, January 29, 2026");
        assertThat(message.body()).contains("Your badge code: SDN-7Q2K");
    }

    @Test
    void a_confirmation_without_a_badge_code_has_no_badge_paragraph() {
        RenderedMessage message = templates.render(NotificationKind.ATTENDANCE_CONFIRMED, Language.FR,
                Map.of("recipientName", "Awa", "day", "2026-01-29"));

        assertThat(message.subject()).isEqualTo("Votre place est confirmée pour le jeudi 29 janvier 2026");
        assertThat(message.body()).doesNotContain("badge :").doesNotContain("\n\n\n");
    }

    @Test
    void the_waiting_list_notice_gives_the_position() {
        assertThat(templates.render(NotificationKind.ATTENDANCE_WAIT_LISTED, Language.FR,
                SAMPLES.get(NotificationKind.ATTENDANCE_WAIT_LISTED)).subject())
                .isEqualTo("Liste d'attente du vendredi 30 janvier 2026 : vous êtes en position 3");
        assertThat(templates.render(NotificationKind.ATTENDANCE_WAIT_LISTED, Language.EN,
                SAMPLES.get(NotificationKind.ATTENDANCE_WAIT_LISTED)).subject())
                .isEqualTo("Waiting list for Friday, January 30, 2026: you are number 3");
    }

    @Test
    void an_invitation_in_french_names_the_organisation_the_inviter_the_role_the_link_and_the_expiry() {
        RenderedMessage message = templates.render(NotificationKind.MEMBER_INVITED, Language.FR,
                SAMPLES.get(NotificationKind.MEMBER_INVITED));

        assertThat(message.subject()).isEqualTo("Invitation à rejoindre Kalanso sur la plateforme de la Semaine du Numérique");
        assertThat(message.body())
                .startsWith("Bonjour,")
                .contains("Awa Traoré vous invite à rejoindre l'organisation « Kalanso » en tant que CTO sur la plateforme")
                .contains("\nhttps://sdn.gouv.ml/invitations/i-1?token=t0k3n\n")
                .contains("Il expire le samedi 31 janvier 2026 à 18:00 (heure de Bamako, GMT).");
    }

    @Test
    void an_invitation_in_english_without_inviter_or_role_still_reads_well() {
        RenderedMessage message = templates.render(NotificationKind.MEMBER_INVITED, Language.EN,
                Map.of("organizationName", "Kalanso", "acceptLink", "https://sdn.gouv.ml/i/1?token=x",
                        "expiresAt", "2026-01-31T18:00:00Z"));

        assertThat(message.subject()).isEqualTo("Invitation to join Kalanso on the Semaine du Numérique platform");
        assertThat(message.body())
                .startsWith("Hello,")
                .contains("You are invited to join the organisation \"Kalanso\" on the platform")
                .contains("It expires on Saturday, January 31, 2026 at 18:00 (Bamako time, GMT).");
    }

    @Test
    void the_receipt_gives_the_reference_the_project_the_category_and_the_time_of_submission_in_french() {
        RenderedMessage message = render(NotificationKind.APPLICATION_SUBMITTED, Language.FR);

        assertThat(message.subject()).isEqualTo("Candidature reçue : référence SDN3-SUC-0042");
        assertThat(message.body())
                .startsWith("Bonjour Awa Traoré,")
                .contains("c'est votre accusé\nde réception.")
                .contains("Numéro de référence : SDN3-SUC-0042\nProjet : Kalanso Agri\nCatégorie : Start-up Challenge\n"
                        + "Déposée le lundi 12 janvier 2026 à 14:05 (heure de Bamako, GMT)\n")
                .doesNotContain("START_UP_CHALLENGE", "2026-01-12T")
                .endsWith("L'équipe de la Semaine du Numérique\n");
    }

    @Test
    void the_receipt_in_english_writes_the_category_and_the_time_the_english_way() {
        RenderedMessage message = render(NotificationKind.APPLICATION_SUBMITTED, Language.EN);

        assertThat(message.subject()).isEqualTo("Application received: reference SDN3-SUC-0042");
        assertThat(message.body())
                .startsWith("Hello Awa Traoré,")
                .contains("Reference number: SDN3-SUC-0042\nProject: Kalanso Agri\nCategory: Start-up Challenge\n"
                        + "Submitted on Monday, January 12, 2026 at 14:05 (Bamako time, GMT)\n")
                .endsWith("The Semaine du Numérique team\n");
    }

    @Test
    void a_receipt_without_a_title_has_no_project_line() {
        RenderedMessage message = templates.render(NotificationKind.APPLICATION_SUBMITTED, Language.FR, Map.of(
                "recipientName", "Awa", "reference", "SDN3-PRJ-0001", "category", "other", "submittedAt", "2026-01-12T14:05:00Z"));

        assertThat(message.body()).doesNotContain("Projet :")
                .contains("Numéro de référence : SDN3-PRJ-0001\nCatégorie : Compétition de la Semaine du Numérique\n");
    }

    @Test
    void a_withdrawal_confirms_which_application_and_when_in_both_languages() {
        assertThat(render(NotificationKind.APPLICATION_WITHDRAWN, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Votre candidature SDN3-SUC-0042 est retirée");
            assertThat(message.body()).contains("Votre candidature « Kalanso Agri » (référence SDN3-SUC-0042, catégorie « Start-up Challenge »)")
                    .contains("est retirée depuis le mardi 13 janvier 2026 à 09:30 (heure de Bamako, GMT).");
        });
        assertThat(render(NotificationKind.APPLICATION_WITHDRAWN, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Your application SDN3-SUC-0042 is withdrawn");
            assertThat(message.body()).contains("Your application \"Kalanso Agri\" (reference SDN3-SUC-0042, category \"Start-up Challenge\")")
                    .contains("was withdrawn on Tuesday, January 13, 2026 at 09:30 (Bamako time, GMT).");
        });
        // the withdrawal event carries neither title nor category: when the submission is unknown here
        RenderedMessage bare = templates.render(NotificationKind.APPLICATION_WITHDRAWN, Language.FR, Map.of(
                "recipientName", "Awa", "reference", "SDN3-SUC-0042", "withdrawnAt", "2026-01-13T09:30:00Z"));
        assertThat(bare.body()).contains("Votre candidature (référence SDN3-SUC-0042)\nest retirée");
    }

    @Test
    void a_member_is_told_in_words_that_the_owner_took_over_or_deleted_their_draft() {
        assertThat(render(NotificationKind.DRAFT_TAKEN_OVER, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Votre brouillon « Kalanso Agri » est repris par votre organisation");
            assertThat(message.body()).contains("pour l'organisation\n« Kalanso » (catégorie « Start-up Challenge ») est repris",
                    "Il ne figure plus parmi vos candidatures");
        });
        assertThat(render(NotificationKind.DRAFT_DELETED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Your draft \"Kalanso Agri\" was deleted by your organisation");
            assertThat(message.body()).contains("for the organisation \"Kalanso\"\n(category \"Start-up Challenge\") was deleted",
                    "the person in charge chooses which");
        });
        RenderedMessage unknownOrganisation = templates.render(NotificationKind.DRAFT_DELETED, Language.FR, Map.of(
                "recipientName", "Moussa", "title", "Kalanso Agri", "category", "other"));
        assertThat(unknownOrganisation.body()).contains("pour votre organisation (catégorie");
    }

    @Test
    void a_category_wide_extension_gives_the_new_deadline_in_bamako_time() {
        assertThat(render(NotificationKind.DEADLINE_EXTENDED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Date limite prolongée : Concours de projets");
            assertThat(message.body()).contains("La date limite de dépôt des candidatures de la catégorie « Concours de projets »\n"
                    + "est prolongée jusqu'au vendredi 16 janvier 2026 à 23:59 (heure de Bamako, GMT).")
                    .contains("Si vous l'aviez retirée");
        });
        assertThat(render(NotificationKind.DEADLINE_EXTENDED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Deadline extended: Project Contest");
            assertThat(message.body()).contains("The submission deadline of the category \"Project Contest\" is extended until\n"
                    + "Friday, January 16, 2026 at 23:59 (Bamako time, GMT).");
        });
    }

    @Test
    void an_extension_for_one_applicant_says_it_is_for_them() {
        Map<String, Object> model = Map.of("recipientName", "Awa", "category", "START_UP_CHALLENGE",
                "until", "2026-01-16T23:59:00Z", "forYou", true);

        RenderedMessage french = templates.render(NotificationKind.DEADLINE_EXTENDED, Language.FR, model);
        RenderedMessage english = templates.render(NotificationKind.DEADLINE_EXTENDED, Language.EN, model);

        assertThat(french.subject()).isEqualTo("Votre date limite de dépôt est prolongée");
        assertThat(french.body()).contains("ont prolongé pour vous").contains("vendredi 16 janvier 2026 à 23:59")
                .doesNotContain("Si vous l'aviez retirée");
        assertThat(english.subject()).isEqualTo("Your submission deadline is extended");
        assertThat(english.body()).contains("extended the submission deadline for you").contains("Friday, January 16, 2026 at 23:59");
    }

    @Test
    void a_juror_hears_of_an_assignment_run_once_and_of_an_application_added_by_hand() {
        assertThat(render(NotificationKind.JUROR_ASSIGNED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Jury : des candidatures à évaluer pour la présélection");
            assertThat(message.body()).contains("Vous faites partie du jury de la catégorie « Start-up Challenge » pour\nla présélection.")
                    .contains("déclarez un conflit d'intérêts");
        });
        assertThat(render(NotificationKind.JUROR_ASSIGNED, Language.EN).subject())
                .isEqualTo("Jury: applications to review for the preselection round");
        Map<String, Object> byHand = Map.of("recipientName", "Oumar", "category", "PROJECT_CONTEST", "round", "FINAL",
                "addedByHand", true);
        assertThat(templates.render(NotificationKind.JUROR_ASSIGNED, Language.FR, byHand).subject())
                .isEqualTo("Jury : une candidature de plus à évaluer pour la finale");
        assertThat(templates.render(NotificationKind.JUROR_ASSIGNED, Language.EN, byHand).body())
                .contains("An organiser has given you one more application to review in the category\n\"Project Contest\", for the final round.");
    }

    @Test
    void a_juror_hears_that_an_application_left_their_list() {
        assertThat(render(NotificationKind.JUROR_UNASSIGNED, Language.FR).body())
                .contains("Un organisateur a retiré une candidature de votre liste d'évaluations pour\nla finale.");
        assertThat(render(NotificationKind.JUROR_UNASSIGNED, Language.EN).subject())
                .isEqualTo("Jury: an application was taken off your list");
    }

    @Test
    void a_reminder_gives_the_pending_count_and_the_end_in_bamako_time_in_the_jurors_language() {
        assertThat(render(NotificationKind.REVIEW_REMINDER, Language.FR)).satisfies(message -> {
            assertThat(message.subject())
                    .isEqualTo("Rappel : 3 évaluations à soumettre avant le mardi 20 janvier 2026 à 23:59 (heure de Bamako, GMT)");
            assertThat(message.body()).contains("Il vous reste 3 évaluations à soumettre pour la présélection dans\n"
                    + "la catégorie « Concours de projets ».");
        });
        assertThat(render(NotificationKind.REVIEW_REMINDER, Language.EN).subject())
                .isEqualTo("Reminder: 3 reviews to submit before Tuesday, January 20, 2026 at 23:59 (Bamako time, GMT)");
        Map<String, Object> one = Map.of("recipientName", "Oumar", "category", "PROJECT_CONTEST", "round", "FINAL",
                "pendingReviews", 1, "onePending", true, "endsAt", "2026-03-02T17:00:00Z");
        assertThat(templates.render(NotificationKind.REVIEW_REMINDER, Language.FR, one).subject())
                .isEqualTo("Rappel : 1 évaluation à soumettre avant le lundi 2 mars 2026 à 17:00 (heure de Bamako, GMT)");
        assertThat(templates.render(NotificationKind.REVIEW_REMINDER, Language.EN, one).body())
                .contains("You still have 1 review to submit for the final round");
    }

    @Test
    void the_preselection_decision_names_the_application_in_both_languages() {
        assertThat(render(NotificationKind.PRESELECTED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Félicitations : votre candidature SDN3-SUC-0042 est présélectionnée");
            assertThat(message.body()).contains("votre candidature « Kalanso Agri » (référence SDN3-SUC-0042, catégorie\n"
                    + "« Start-up Challenge ») fait partie des candidatures présélectionnées").contains("AGETIC");
        });
        assertThat(render(NotificationKind.PRESELECTED, Language.EN).subject())
                .isEqualTo("Congratulations: your application SDN3-SUC-0042 is preselected");
        assertThat(render(NotificationKind.NOT_PRESELECTED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Résultat de la présélection pour votre candidature SDN3-PRJ-0007");
            assertThat(message.body()).contains("Merci pour votre candidature « Jigi Santé » (référence SDN3-PRJ-0007, catégorie\n"
                    + "« Concours de projets »)").contains("ne fait pas partie des\ncandidatures présélectionnées");
        });
        assertThat(render(NotificationKind.NOT_PRESELECTED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Preselection result for your application SDN3-PRJ-0007");
            assertThat(message.body()).contains("(reference SDN3-PRJ-0007, category\n\"Project Contest\")");
        });
    }

    @Test
    void the_not_preselected_notice_says_where_to_read_the_jury_comments_only_when_the_category_shares_them() {
        Map<String, Object> shared = new java.util.HashMap<>(SAMPLES.get(NotificationKind.NOT_PRESELECTED));
        shared.put("feedbackLink", "https://sdn.gouv.ml/me/applications/a-7#jury-feedback");

        assertThat(templates.render(NotificationKind.NOT_PRESELECTED, Language.FR, shared).body())
                .contains("candidatures présélectionnées.\n\nLes commentaires du jury sur votre candidature (sans le nom des jurés) "
                        + "sont à lire sur sa page :\nhttps://sdn.gouv.ml/me/applications/a-7#jury-feedback\n\nLe choix");
        assertThat(templates.render(NotificationKind.NOT_PRESELECTED, Language.EN, shared).body())
                .contains("The jury's comments on your application", "https://sdn.gouv.ml/me/applications/a-7#jury-feedback");
        assertThat(render(NotificationKind.NOT_PRESELECTED, Language.FR).body())
                .doesNotContain("commentaires du jury").contains("candidatures présélectionnées.\n\nLe choix");
    }

    @Test
    void a_prize_is_named_from_the_bundles_with_its_category() {
        assertThat(render(NotificationKind.AWARD_GRANTED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Félicitations : vous remportez le 1er prix");
            assertThat(message.body()).contains("Votre projet « Kalanso Agri » remporte le 1er prix de la\n"
                    + "catégorie « Start-up Challenge » à la Semaine du Numérique.").doesNotContain("FIRST");
        });
        assertThat(render(NotificationKind.AWARD_GRANTED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Congratulations: you win the First Prize");
            assertThat(message.body()).contains("Your project \"Kalanso Agri\" wins the First Prize in the\ncategory \"Start-up Challenge\"");
        });
    }

    @Test
    void the_special_prize_is_across_categories() {
        Map<String, Object> special = Map.of("recipientName", "Aminata", "prize", "WOMEN_LED_SPECIAL_PRIZE", "title", "Jigi Santé");

        RenderedMessage french = templates.render(NotificationKind.AWARD_GRANTED, Language.FR, special);
        RenderedMessage english = templates.render(NotificationKind.AWARD_GRANTED, Language.EN, special);

        assertThat(french.subject()).isEqualTo("Félicitations : vous remportez le Prix spécial de la meilleure initiative portée par une femme");
        assertThat(french.body()).contains("Votre projet « Jigi Santé » remporte le Prix spécial de la meilleure initiative portée par une femme à la Semaine du Numérique.")
                .doesNotContain("catégorie");
        assertThat(english.subject()).isEqualTo("Congratulations: you win the Special Prize for the best women-led initiative");
        assertThat(english.body()).doesNotContain("category");
    }

    @Test
    void the_results_notice_gives_the_edition_and_the_link_to_the_public_results() {
        assertThat(render(NotificationKind.RESULTS_PUBLISHED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Les résultats de la Semaine du Numérique sont publiés");
            assertThat(message.body()).contains("Les résultats de la 3e édition de la Semaine du Numérique sont publiés")
                    .contains("\nhttps://sdn.gouv.ml/results?edition=ed-3\n");
        });
        assertThat(render(NotificationKind.RESULTS_PUBLISHED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("The results of the Semaine du Numérique are published");
            assertThat(message.body()).contains("The results of the 3rd edition of the Semaine du Numérique (Digital Week) are published")
                    .contains("\nhttps://sdn.gouv.ml/results?edition=ed-3\n");
        });
        RenderedMessage unnumbered = templates.render(NotificationKind.RESULTS_PUBLISHED, Language.FR,
                Map.of("recipientName", "Awa", "resultsLink", "https://sdn.gouv.ml/results?edition=x"));
        assertThat(unnumbered.body()).contains("Les résultats de la Semaine du Numérique sont publiés");
    }

    @Test
    void the_enrolment_welcomes_the_project_to_the_agetic_cohort_in_both_languages() {
        assertThat(render(NotificationKind.INCUBATION_ENROLLED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Bienvenue dans la cohorte d'incubation de l'AGETIC : Kalanso Agri");
            assertThat(message.body()).startsWith("Bonjour Awa Traoré,")
                    .contains("Votre projet « Kalanso Agri » (Kalanso) rejoint la cohorte d'incubation de l'AGETIC. Bienvenue !")
                    .contains("Vous serez prévenu(e) dès que votre coach vous sera attribué.");
        });
        assertThat(render(NotificationKind.INCUBATION_ENROLLED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Welcome to the AGETIC incubation cohort: Kalanso Agri");
            assertThat(message.body()).contains("Your project \"Kalanso Agri\" (Kalanso) joins the AGETIC incubation cohort. Welcome!");
        });
        RenderedMessage bare = templates.render(NotificationKind.INCUBATION_ENROLLED, Language.FR, Map.of("recipientName", "Awa"));
        assertThat(bare.subject()).isEqualTo("Bienvenue dans la cohorte d'incubation de l'AGETIC");
        assertThat(bare.body()).contains("Votre projet rejoint la cohorte d'incubation de l'AGETIC.");
    }

    @Test
    void the_participant_learns_their_coachs_name_or_reads_your_coach_when_it_is_unknown() {
        assertThat(render(NotificationKind.COACH_ASSIGNED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Votre coach d'incubation : Mariam Diallo");
            assertThat(message.body()).contains("Mariam Diallo est votre coach pour l'incubation de votre projet « Kalanso Agri ».")
                    .contains("il vous\ncontactera pour votre première séance.");
        });
        assertThat(render(NotificationKind.COACH_ASSIGNED, Language.EN).subject()).isEqualTo("Your incubation coach: Mariam Diallo");
        Map<String, Object> unknownCoach = Map.of("recipientName", "Awa", "forCoach", false, "title", "Kalanso Agri",
                "reassigned", true);
        RenderedMessage french = templates.render(NotificationKind.COACH_ASSIGNED, Language.FR, unknownCoach);
        RenderedMessage english = templates.render(NotificationKind.COACH_ASSIGNED, Language.EN, unknownCoach);
        assertThat(french.subject()).isEqualTo("Votre nouveau coach d'incubation");
        assertThat(french.body()).contains("Un nouveau coach est désigné pour l'incubation de votre projet « Kalanso Agri ».")
                .contains("votre prochaine séance");
        assertThat(english.subject()).isEqualTo("Your new incubation coach");
        assertThat(english.body()).contains("A new coach has been chosen for the incubation of your project \"Kalanso Agri\".");
    }

    @Test
    void the_coach_learns_the_project_the_organisation_and_the_project_lead_of_a_new_incubatee() {
        Map<String, Object> toCoach = Map.of("recipientName", "Mariam Diallo", "forCoach", true, "title", "Kalanso Agri",
                "organizationName", "Kalanso", "participantName", "Awa Traoré");

        RenderedMessage french = templates.render(NotificationKind.COACH_ASSIGNED, Language.FR, toCoach);
        RenderedMessage english = templates.render(NotificationKind.COACH_ASSIGNED, Language.EN, toCoach);

        assertThat(french.subject()).isEqualTo("Nouveau projet à accompagner : Kalanso Agri");
        assertThat(french.body()).startsWith("Bonjour Mariam Diallo,")
                .contains("Projet : Kalanso Agri\nOrganisation : Kalanso\nPorteur du projet : Awa Traoré\n")
                .contains("Prenez contact avec\nAwa Traoré pour fixer une première séance de coaching.");
        assertThat(english.subject()).isEqualTo("A new project to coach: Kalanso Agri");
        assertThat(english.body()).contains("Project: Kalanso Agri\nOrganisation: Kalanso\nProject lead: Awa Traoré\n");
        RenderedMessage bare = templates.render(NotificationKind.COACH_ASSIGNED, Language.FR,
                Map.of("recipientName", "Mariam", "forCoach", true));
        assertThat(bare.body()).doesNotContain("\n\n\n", "Projet :").contains("le porteur du projet pour fixer");
    }

    @Test
    void a_session_gives_its_day_and_time_in_bamako_its_length_and_where_it_was_held_in_words() {
        assertThat(render(NotificationKind.SESSION_LOGGED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Votre séance de coaching du mardi 3 février 2026 à 09:30 (heure de Bamako, GMT)");
            assertThat(message.body()).contains("Votre coach, Mariam Diallo, a enregistré votre séance de coaching :\n\n"
                    + "Date : mardi 3 février 2026 à 09:30 (heure de Bamako, GMT)\nDurée : 90 minutes\n"
                    + "Lieu : au centre d'incubation de l'AGETIC\n");
        });
        assertThat(render(NotificationKind.SESSION_LOGGED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Your coaching session of Tuesday, February 3, 2026 at 09:30 (Bamako time, GMT)");
            assertThat(message.body()).contains("Date: Tuesday, February 3, 2026 at 09:30 (Bamako time, GMT)\nDuration: 90 minutes\n"
                    + "Where: at the AGETIC incubation centre\n");
        });
        // 23:30 in Bamako is 00:30 the next day in Niamey: the time is Bamako's, and says so
        RenderedMessage remote = templates.render(NotificationKind.SESSION_LOGGED, Language.EN, Map.of("recipientName", "Moussa",
                "heldAt", "2026-02-03T23:30:00Z", "durationMinutes", 45, "mode", "REMOTE"));
        assertThat(remote.body()).contains("Your coach has logged").contains("Tuesday, February 3, 2026 at 23:30 (Bamako time, GMT)")
                .contains("Where: remotely");
        RenderedMessage noMode = templates.render(NotificationKind.SESSION_LOGGED, Language.FR, Map.of("recipientName", "Awa",
                "heldAt", "2026-02-03T09:30:00Z", "durationMinutes", 60));
        assertThat(noMode.body()).doesNotContain("Lieu").contains("Durée : 60 minutes\n\nLe compte rendu");
    }

    @Test
    void milestone_notices_name_the_milestone_and_for_the_coach_the_project() {
        assertThat(render(NotificationKind.MILESTONE_SUBMITTED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Jalon à valider : Étude de marché");
            assertThat(message.body()).contains("Le projet « Kalanso Agri » (Kalanso) soumet le jalon « Étude de marché » à votre validation.");
        });
        assertThat(render(NotificationKind.MILESTONE_SUBMITTED, Language.EN).body())
                .contains("The project \"Kalanso Agri\" (Kalanso) submits the milestone \"Étude de marché\" for your validation.");
        assertThat(templates.render(NotificationKind.MILESTONE_SUBMITTED, Language.EN,
                Map.of("recipientName", "Mariam", "milestone", "Prototype")).body())
                .contains("A project you coach submits the milestone \"Prototype\"");
        assertThat(render(NotificationKind.MILESTONE_VALIDATED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Jalon validé : Étude de marché");
            assertThat(message.body()).contains("Votre coach a validé le jalon « Étude de marché ». Bravo !");
        });
        assertThat(render(NotificationKind.MILESTONE_VALIDATED, Language.EN).subject()).isEqualTo("Milestone validated: Étude de marché");
    }

    @Test
    void a_milestone_sent_back_carries_the_coachs_feedback_for_the_participant() {
        assertThat(render(NotificationKind.MILESTONE_SENT_BACK, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Jalon à reprendre : Plan financier");
            assertThat(message.body()).contains("Votre coach vous renvoie le jalon « Plan financier » pour que vous le repreniez.\n\n"
                    + "Ses remarques :\nAjoutez le compte de résultat prévisionnel sur 3 ans.\n\nReprenez-le");
        });
        assertThat(render(NotificationKind.MILESTONE_SENT_BACK, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Milestone to rework: Plan financier");
            assertThat(message.body()).contains("Their feedback:\nAjoutez le compte de résultat prévisionnel sur 3 ans.\n");
        });
        RenderedMessage noFeedback = templates.render(NotificationKind.MILESTONE_SENT_BACK, Language.FR,
                Map.of("recipientName", "Awa", "milestone", "Plan financier"));
        assertThat(noFeedback.body()).doesNotContain("remarques").contains("repreniez.\n\nReprenez-le");
    }

    @Test
    void an_overdue_milestone_gives_its_due_day_to_the_participant_and_to_the_coach_with_the_project() {
        assertThat(render(NotificationKind.MILESTONE_OVERDUE, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Jalon en retard : Prototype");
            assertThat(message.body()).contains("Le jalon « Prototype » devait être validé au plus tard le dimanche 15 mars 2026, et ne l'est pas.")
                    .contains("parlez-en avec votre\ncoach");
        });
        assertThat(render(NotificationKind.MILESTONE_OVERDUE, Language.EN).body())
                .contains("The milestone \"Prototype\" was due to be validated by Sunday, March 15, 2026, and it is not.");
        Map<String, Object> toCoach = Map.of("recipientName", "Mariam", "forCoach", true, "milestone", "Prototype",
                "dueDate", "2026-03-15", "title", "Kalanso Agri", "organizationName", "Kalanso");
        assertThat(templates.render(NotificationKind.MILESTONE_OVERDUE, Language.FR, toCoach)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Jalon en retard pour « Kalanso Agri » : Prototype");
            assertThat(message.body()).contains("Le jalon « Prototype » du projet « Kalanso Agri » (Kalanso) devait être\n"
                    + "validé au plus tard le dimanche 15 mars 2026").contains("il attend votre validation");
        });
        assertThat(templates.render(NotificationKind.MILESTONE_OVERDUE, Language.EN, toCoach).subject())
                .isEqualTo("Milestone overdue for \"Kalanso Agri\": Prototype");
    }

    @Test
    void the_at_risk_alert_gives_the_coach_the_reasons_in_words() {
        assertThat(render(NotificationKind.INCUBATEE_AT_RISK, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Projet à surveiller : Kalanso Agri");
            assertThat(message.body()).startsWith("Bonjour Mariam Diallo,")
                    .contains("Le suivi de l'incubation signale le projet « Kalanso Agri » (Kalanso) comme à risque :\n"
                            + "- pas de séance de coaching récente : la dernière date du mardi 3 février 2026 à 09:30 (heure de Bamako, GMT)\n"
                            + "- 2 jalons en retard\n\n")
                    .contains("le porteur du projet n'en est pas informé");
        });
        assertThat(render(NotificationKind.INCUBATEE_AT_RISK, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Project at risk: Kalanso Agri");
            assertThat(message.body()).contains("- no recent coaching session: the last one was on Tuesday, February 3, 2026 at 09:30 (Bamako time, GMT)\n"
                    + "- 2 overdue milestones\n");
        });
        Map<String, Object> neverMet = Map.of("recipientName", "Mariam", "noRecentSession", true, "overdueMilestones", true,
                "overdueCount", 1, "oneOverdue", true, "otherReason", true);
        assertThat(templates.render(NotificationKind.INCUBATEE_AT_RISK, Language.FR, neverMet).body())
                .contains("un projet que vous accompagnez comme à risque :\n- pas de séance de coaching récente : aucune séance enregistrée\n"
                        + "- 1 jalon en retard\n- d'autres signaux du suivi");
        assertThat(templates.render(NotificationKind.INCUBATEE_AT_RISK, Language.EN, neverMet).body())
                .contains("- no recent coaching session: none logged yet\n- 1 overdue milestone\n- other warning signs");
    }

    @Test
    void graduation_and_drop_tell_the_outcome_and_the_drop_its_reason() {
        assertThat(render(NotificationKind.INCUBATEE_GRADUATED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Félicitations : vous terminez l'incubation de l'AGETIC");
            assertThat(message.body()).contains("Votre projet « Kalanso Agri » termine l'incubation de l'AGETIC")
                    .contains("Il fait désormais partie des finalistes de la compétition");
        });
        assertThat(render(NotificationKind.INCUBATEE_GRADUATED, Language.EN)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Congratulations: you have completed the AGETIC incubation");
            assertThat(message.body()).contains("It is now one of the finalists");
        });
        assertThat(render(NotificationKind.INCUBATEE_DROPPED, Language.FR)).satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Fin de votre incubation à l'AGETIC");
            assertThat(message.body()).contains("Votre projet « Kalanso Agri » quitte l'incubation de l'AGETIC. Il ne fait donc plus partie des\nfinalistes")
                    .contains("Motif indiqué par les organisateurs :\nProjet abandonné par l'équipe.\n");
        });
        assertThat(render(NotificationKind.INCUBATEE_DROPPED, Language.EN).body())
                .contains("Reason given by the organisers:\nProjet abandonné par l'équipe.\n");
        assertThat(templates.render(NotificationKind.INCUBATEE_DROPPED, Language.EN, Map.of("recipientName", "Awa")).body())
                .contains("Your project leaves the AGETIC incubation.").doesNotContain("Reason");
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void no_notice_leaves_a_gap_of_more_than_one_blank_line(NotificationKind kind) {
        for (Language language : Language.values()) {
            assertThat(templates.render(kind, language, SAMPLES.get(kind)).body()).doesNotContain("\n\n\n");
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1re, 1st", "2, 2e, 2nd", "3, 3e, 3rd", "4, 4e, 4th", "11, 11e, 11th", "12, 12e, 12th", "13, 13e, 13th",
            "21, 21e, 21st", "22, 22e, 22nd", "23, 23e, 23rd", "30, 30e, 30th"})
    void edition_numbers_are_ordinals_in_each_language(int number, String french, String english) {
        Map<String, Object> model = Map.of("recipientName", "Awa", "editionNumber", number, "resultsLink", "https://sdn.gouv.ml/r");

        assertThat(templates.render(NotificationKind.RESULTS_PUBLISHED, Language.FR, model).body())
                .contains("de la " + french + " édition de la Semaine");
        assertThat(templates.render(NotificationKind.RESULTS_PUBLISHED, Language.EN, model).body())
                .contains("the " + english + " edition of the Semaine");
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void no_code_or_iso_date_of_the_model_reaches_the_reader(NotificationKind kind) {
        for (Language language : Language.values()) {
            RenderedMessage message = templates.render(kind, language, SAMPLES.get(kind));

            assertThat(message.subject() + message.body())
                    .doesNotContain("START_UP_CHALLENGE", "PROJECT_CONTEST", "PRESELECTION", "WOMEN_LED", "FIRST",
                            "AT_THE_CENTRE", "REMOTE", "NO_RECENT_SESSION", "OVERDUE_MILESTONES")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContain("true", "false");
        }
    }

    private RenderedMessage render(NotificationKind kind, Language language) {
        return templates.render(kind, language, SAMPLES.get(kind));
    }

    @Test
    void a_day_that_is_not_an_iso_date_is_an_error() {
        assertThatThrownBy(() -> templates.render(NotificationKind.ATTENDANCE_CANCELLED, Language.FR,
                Map.of("recipientName", "Awa", "day", "demain")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_country_reads_as_the_aes_space() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.EN,
                Map.of("recipientName", "X", "country", "unknown"));

        assertThat(message.body()).contains("Country: AES space");
    }

    @Test
    void plain_text_is_not_html_escaped() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.FR,
                Map.of("recipientName", "N'Golo & <Fils>", "country", "ML"));

        assertThat(message.subject()).endsWith("N'Golo & <Fils>");
    }

    @Test
    void a_value_missing_from_the_model_is_an_error_not_a_blank() {
        assertThatThrownBy(() -> templates.render(NotificationKind.PROFILE_CREATED, Language.FR,
                Map.of("country", "ML")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipientName");
    }
}
