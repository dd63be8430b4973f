package io.convexspring.state;

import org.junit.jupiter.api.Test;

import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.FunctionKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link ActionResult} and {@link ActionState} as values.
 */
class ActionResultTests {

	private final ConvexCancelledException failure = new ConvexCancelledException(FunctionKind.ACTION, "emails:send",
			"test", new RuntimeException());

	@Test
	void aSuccessHoldsItsData() {
		ActionResult<String> success = new ActionResult.Success<>("sent");
		assertThat(success.isSuccess()).isTrue();
		assertThat(success.dataOrNull()).isEqualTo("sent");
		assertThat(success.errorOrNull()).isNull();
		assertThat(success.orElseThrow()).isEqualTo("sent");
	}

	@Test
	void aFailureHoldsItsError() {
		ActionResult<String> failed = new ActionResult.Failure<>(this.failure);
		assertThat(failed.isSuccess()).isFalse();
		assertThat(failed.dataOrNull()).isNull();
		assertThat(failed.errorOrNull()).isSameAs(this.failure);
		assertThat(org.assertj.core.api.Assertions.catchThrowable(failed::orElseThrow)).isSameAs(this.failure);
		assertThatNullPointerException().isThrownBy(() -> new ActionResult.Failure<String>(null));
	}

	@Test
	void aStateIsPendingOnlyWhilePending() {
		for (ActionStatus status : ActionStatus.values()) {
			assertThat(new ActionState<String>(status, null, null, 1).pending())
				.isEqualTo(status == ActionStatus.PENDING);
		}
		assertThat(ActionState.initial()).isEqualTo(new ActionState<>(ActionStatus.IDLE, null, null, 0));
		assertThatNullPointerException().isThrownBy(() -> new ActionState<String>(null, null, null, 0));
	}

}
