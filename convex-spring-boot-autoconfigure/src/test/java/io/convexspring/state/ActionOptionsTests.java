package io.convexspring.state;

import org.junit.jupiter.api.Test;

import static io.convexspring.state.SendEmail.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link ActionOptions}: immutable, each setting a copy.
 */
class ActionOptionsTests {

	@Test
	void defaultsHaveNoCallbacksNoOwnLoggingAndValidate() {
		ActionOptions<SendEmail, Receipt> defaults = ActionOptions.defaults();
		assertThat(defaults.successCallback()).isNull();
		assertThat(defaults.errorCallback()).isNull();
		assertThat(defaults.loggingLevel()).isNull();
		assertThat(defaults.validates()).isTrue();
		assertThat(ActionOptions.forAction(SEND)).isSameAs(defaults);
	}

	@Test
	void eachSettingReturnsACopyAndLeavesTheOriginalAlone() {
		ActionOptions<SendEmail, Receipt> defaults = ActionOptions.forAction(SEND);
		ActionOptions<SendEmail, Receipt> options = defaults.onSuccess((result, args) -> {
		}).onError((error, args) -> {
		}).logging(ActionLogging.INFO).validate(false);
		assertThat(options).isNotSameAs(defaults);
		assertThat(options.successCallback()).isNotNull();
		assertThat(options.errorCallback()).isNotNull();
		assertThat(options.loggingLevel()).isEqualTo(ActionLogging.INFO);
		assertThat(options.validates()).isFalse();
		assertThat(options).hasToString("ActionOptions[onSuccess=true, onError=true, logging=INFO, validate=false]");
		assertThat(defaults.successCallback()).isNull();
		assertThat(defaults.validates()).isTrue();
		assertThat(defaults).hasToString("ActionOptions[onSuccess=false, onError=false, logging=global, validate=true]");
	}

	@Test
	void refusesNulls() {
		ActionOptions<SendEmail, Receipt> options = ActionOptions.forAction(SEND);
		assertThatNullPointerException().isThrownBy(() -> options.onSuccess(null));
		assertThatNullPointerException().isThrownBy(() -> options.onError(null));
		assertThatNullPointerException().isThrownBy(() -> options.logging(null));
		assertThatNullPointerException().isThrownBy(() -> ActionOptions.forAction(null));
	}

}
