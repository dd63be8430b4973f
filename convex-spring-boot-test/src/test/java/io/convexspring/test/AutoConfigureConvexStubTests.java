package io.convexspring.test;

import java.lang.reflect.Method;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.test.Fixtures.SendEmail;

import static io.convexspring.test.ConvexStubResponses.withValue;
import static io.convexspring.test.Fixtures.SEND_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AutoConfigureConvexStub} on a Spring test: the stub is a bean, {@code convex.url} points
 * at it, the Convex auto-configuration is there without {@code @EnableAutoConfiguration}, results
 * are encoded with the app's JSON settings, and an unexpected call fails the test method.
 */
@SpringBootTest(classes = AutoConfigureConvexStubTests.App.class)
@AutoConfigureConvexStub
class AutoConfigureConvexStubTests {

	record Receipt(String messageId) {
	}

	static final ConvexAction<SendEmail, Receipt> SEND = ConvexAction.of("emails:send", SendEmail.class,
			Receipt.class);

	@Autowired
	private ConvexStub convex;

	@Autowired
	private ConvexActionClient actions;

	@Autowired
	private ConvexTransport transport;

	@Autowired
	private Environment environment;

	@Test
	void theClientsCallTheStub() {
		assertThat(this.environment.getProperty("convex.url")).isEqualTo(this.convex.url());
		assertThat(this.transport.deploymentUrl()).hasToString(this.convex.url());
		this.convex.expect(SEND).andRespond(withValue(new Receipt("msg_1")));
		assertThat(this.actions.executeBlocking(SEND, new SendEmail("ada@example.com", "Hi")))
			.isEqualTo(new Receipt("msg_1"));
		this.convex.verify();
	}

	@Test
	void resultsAreEncodedWithTheClientsCodecNotTheAppsNamingStrategy() {
		// the codec has a mapper of its own: the app's SNAKE_CASE stays off the Convex wire
		this.convex.expect(SEND).andRespond(withValue(new Receipt("msg_2")));
		assertThat(this.actions.executeBlocking(SEND.path(), new SendEmail("a@b.c", "Hi"), Map.class))
			.isEqualTo(Map.of("messageId", "msg_2"));
	}

	@Test
	void anUnexpectedCallFailsTheTestMethodAndTheStubIsResetAfterIt() throws Exception {
		TestContextManager manager = new TestContextManager(Scripted.class);
		Scripted test = new Scripted();
		manager.prepareTestInstance(test);
		Method method = Scripted.class.getDeclaredMethod("callsWhatIsNotExpected");
		manager.beforeTestMethod(test, method);
		assertThatExceptionOfType(ConvexFunctionFailedException.class).isThrownBy(test::callsWhatIsNotExpected);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> manager.afterTestMethod(test, method, null))
			.withMessageContaining("Unexpected call: action emails:send");
		assertThat(test.convex.calls()).isEmpty();
		manager.afterTestMethod(test, method, null);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class App {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

	}

	/** A test class run by hand above, through Spring's TestContext framework. */
	@SpringBootTest(classes = App.class)
	@AutoConfigureConvexStub
	static class Scripted {

		@Autowired
		ConvexStub convex;

		@Autowired
		ConvexActionClient actions;

		void callsWhatIsNotExpected() {
			this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "nobody expects this"));
		}

	}

}
