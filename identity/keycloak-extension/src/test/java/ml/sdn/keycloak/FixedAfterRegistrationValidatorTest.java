package ml.sdn.keycloak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class FixedAfterRegistrationValidatorTest {

    private final FixedAfterRegistrationValidator validator = new FixedAfterRegistrationValidator();

    @ParameterizedTest
    @EnumSource(value = UserProfileContext.class, names = {"UPDATE_PROFILE", "ACCOUNT", "IDP_REVIEW"})
    void refuses_another_country_where_the_person_edits_their_own_profile(UserProfileContext where) {
        ValidationContext result = validate(where, userWithCountry("ML"), List.of("BF"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.getErrors()).extracting(ValidationError::getValidatorId, ValidationError::getInputHint, ValidationError::getMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sdn-fixed-after-registration", "country", "sdnFixedAfterRegistration"));
    }

    @ParameterizedTest
    @EnumSource(value = UserProfileContext.class, names = {"UPDATE_PROFILE", "ACCOUNT"})
    void refuses_removing_the_country_too(UserProfileContext where) {
        assertThat(validate(where, userWithCountry("ML"), List.of()).isValid()).isFalse();
        assertThat(validate(where, userWithCountry("ML"), List.of(" ")).isValid()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = UserProfileContext.class, names = {"UPDATE_PROFILE", "ACCOUNT"})
    void lets_the_person_save_the_rest_of_their_profile_with_the_same_country(UserProfileContext where) {
        assertThat(validate(where, userWithCountry("ML"), List.of("ML")).isValid()).isTrue();
    }

    @Test
    void the_sign_up_form_sets_it() {
        assertThat(validate(UserProfileContext.REGISTRATION, null, List.of("NE")).isValid()).isTrue();
    }

    @Test
    void an_administrator_may_change_it_through_the_admin_api() {
        assertThat(validate(UserProfileContext.USER_API, userWithCountry("ML"), List.of("BF")).isValid()).isTrue();
    }

    @Test
    void a_person_who_never_had_one_may_give_it_once() {
        assertThat(validate(UserProfileContext.UPDATE_PROFILE, userWithCountry(), List.of("NE")).isValid()).isTrue();
    }

    @Test
    void says_nothing_outside_a_user_profile() {
        assertThat(validator.validate(List.of("BF"), "country", new ValidationContext(), ValidatorConfig.EMPTY).isValid()).isTrue();
    }

    private ValidationContext validate(UserProfileContext where, UserModel user, List<String> posted) {
        AttributeContext attribute = new AttributeContext(where, null, Map.entry("country", posted), user, null, null);
        return validator.validate(posted, "country", new UserProfileAttributeValidationContext(attribute), ValidatorConfig.EMPTY);
    }

    private static UserModel userWithCountry(String... stored) {
        UserModel user = mock(UserModel.class);
        when(user.getAttributeStream("country")).thenAnswer(call -> Stream.of(stored));
        return user;
    }
}
