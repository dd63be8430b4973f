package io.convexspring.codec;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link ConstructorInstantiators}: creator constructors called directly, with the same
 * results and the same failures as Jackson's own call.
 */
class ConstructorInstantiatorsTests {

	private final ConvexCodec codec = ConvexCodec.create();

	@Test
	void aPrivateRecordIsBuiltThroughItsCanonicalConstructor() {
		Receipt receipt = this.codec.fromWireJson("{\"id\":\"r1\",\"sentAt\":1732500000000,\"tags\":[\"a\"]}",
				Receipt.class);
		assertThat(receipt).isEqualTo(new Receipt("r1", 1732500000000L, List.of("a")));
	}

	@Test
	void theConstructorIsCalledDirectlyNotThroughJacksonsMethodHandle() {
		Traced traced = this.codec.fromWireJson("{\"id\":\"t1\"}", Traced.class);
		assertThat(traced.id()).isEqualTo("t1");
		assertThat(CALLERS.get()).contains(ConstructorInstantiators.DirectConstructorInstantiator.class.getName())
			.doesNotContain("java.lang.invoke.MethodHandle");
	}

	@Test
	void aConstructorsOwnFailureReachesTheCallerAsJacksonWouldReportIt() {
		String wire = "{\"amount\":-1.0}";
		Throwable direct = catchThrowable(() -> this.codec.fromWireJson(wire, Positive.class));
		Throwable plain = catchThrowable(() -> JsonMapper.builder().build().readValue(wire, Positive.class));
		assertThat(direct).hasRootCauseInstanceOf(IllegalArgumentException.class)
			.hasRootCauseMessage("amount must be positive, not -1.0");
		assertThat(plain).isInstanceOf(DatabindException.class);
		assertThat(findCause(direct, DatabindException.class).getMessage())
			.startsWith(plain.getMessage().substring(0, plain.getMessage().indexOf('\n')));
	}

	@Test
	void anInstantiatorOfTheApplicationsOwnIsKept() {
		SimpleModule module = new SimpleModule().addValueInstantiator(Tagged.class,
				new ValueInstantiator.Base(Tagged.class) {

					@Override
					public boolean canCreateUsingDefault() {
						return true;
					}

					@Override
					public Object createUsingDefault(DeserializationContext context) {
						Tagged tagged = new Tagged();
						tagged.origin = "the application's instantiator";
						return tagged;
					}

				});
		ConvexCodec codec = ConvexCodec.create(JsonMapper.builder().addModule(module).build());
		Tagged tagged = codec.fromWireJson("{\"name\":\"x\"}", Tagged.class);
		assertThat(tagged.name).isEqualTo("x");
		assertThat(tagged.origin).isEqualTo("the application's instantiator");
	}

	@Test
	void aNullForAPrimitiveFailsAsBefore() {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.fromWireJson("{\"id\":\"r1\",\"sentAt\":null,\"tags\":[]}", Receipt.class));
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

	static final class Tagged {

		public String name;

		public String origin;

	}

	private static final ThreadLocal<List<String>> CALLERS = new ThreadLocal<>();

	record Traced(String id) {

		Traced {
			CALLERS.set(StackWalker.getInstance().walk((frames) -> frames.map(StackWalker.StackFrame::getClassName).toList()));
		}

	}

	private record Receipt(String id, long sentAt, List<String> tags) {
	}

	record Positive(double amount) {

		Positive {
			if (amount <= 0) {
				throw new IllegalArgumentException("amount must be positive, not " + amount);
			}
		}

	}

}
