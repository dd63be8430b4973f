package io.convexspring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.annotation.Validated;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexValidationException;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code convex.validation.enabled}: one rule for every call, by reference or by path, through
 * every client, with the groups {@code @Validated} names; nothing is sent on a violation.
 */
class ArgumentValidationAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final ConvexMutation<Contact, String> SAVE = ConvexMutation.of("contacts:save", Contact.class,
			String.class);

	private static final ConvexQuery<Contact, String> FIND = ConvexQuery.of("contacts:find", Contact.class,
			String.class);

	private static final ConvexAction<Signup, String> SIGN_UP = ConvexAction.of("users:signUp", Signup.class,
			String.class);

	private static final Contact INVALID = new Contact("not an address");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConvexAutoConfiguration.class));

	@BeforeEach
	void answer() {
		for (String endpoint : new String[] { "action", "mutation", "query" }) {
			convex.stubFor(post("/api/" + endpoint).willReturn(okJson("{\"status\":\"success\",\"value\":\"ok\"}")));
		}
	}

	private static void assertRefused(Runnable call, String path, String field) {
		assertThatExceptionOfType(ConvexValidationException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.functionPath()).isEqualTo(path);
			assertThat(ex.functionDidNotRun()).isTrue();
			assertThat(ex.violations()).extracting(ConvexValidationException.Violation::field).containsExactly(field);
		});
	}

	@Test
	void everyClientChecksEveryCallBeforeSendingAnything() {
		this.contextRunner.withPropertyValues("convex.url=" + convex.baseUrl(), "convex.validation.enabled=true")
			.run((context) -> {
				ConvexMutationClient mutations = context.getBean(ConvexMutationClient.class);
				ConvexQueryClient queries = context.getBean(ConvexQueryClient.class);
				ConvexActionClient actions = context.getBean(ConvexActionClient.class);
				assertRefused(() -> mutations.executeBlocking(SAVE, INVALID), "contacts:save", "email");
				assertRefused(() -> queries.executeBlocking(FIND, INVALID), "contacts:find", "email");
				assertRefused(() -> queries.withUserToken("user-jwt").executeBlocking("contacts:find", INVALID,
						String.class), "contacts:find", "email");
				assertRefused(() -> actions.executeBlocking("contacts:import", INVALID, String.class),
						"contacts:import", "email");
				assertRefused(() -> actions.action(ConvexAction.of("contacts:import", Contact.class, String.class))
					.executeBlocking(INVALID), "contacts:import", "email");
				assertThat(convex.findAll(anyRequestedFor(anyUrl()))).isEmpty();
				assertThat(mutations.executeBlocking(SAVE, new Contact("ada@example.com"))).isEqualTo("ok");
			});
	}

	@Test
	void groupsNamedByValidatedOnTheArgumentTypeAreTheOnesChecked() {
		this.contextRunner.withPropertyValues("convex.url=" + convex.baseUrl(), "convex.validation.enabled=true")
			.run((context) -> {
				ConvexActionClient actions = context.getBean(ConvexActionClient.class);
				// the nickname's constraint is in the default group, which @Validated(Strict) leaves out
				assertThat(actions.executeBlocking(SIGN_UP, new Signup("Ada", ""))).isEqualTo("ok");
				assertRefused(() -> actions.executeBlocking(SIGN_UP, new Signup(" ", "ada")), "users:signUp", "name");
			});
	}

	@Test
	void offByDefaultForPlainCalls() {
		this.contextRunner.withPropertyValues("convex.url=" + convex.baseUrl()).run((context) -> {
			assertThat(context.getBean(ConvexMutationClient.class).validatesArguments()).isFalse();
			assertThat(context.getBean(ConvexMutationClient.class).executeBlocking(SAVE, INVALID)).isEqualTo("ok");
		});
	}

	record Contact(@Email String email) {
	}

	interface Strict {

	}

	@Validated(Strict.class)
	record Signup(@NotBlank(groups = Strict.class) String name, @NotBlank String nickname) {
	}

}
