package io.convexspring.state;

import java.util.Locale;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.convexspring.autoconfigure.ConvexAutoConfiguration;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexValidationException;
import io.convexspring.client.ConvexValidationException.Violation;

import static io.convexspring.state.SendEmail.SEND;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link ConvexAutoConfiguration} gives the action client's handles their
 * {@link ArgumentValidator}.
 */
class ActionHandleAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final SendEmail INVALID = new SendEmail("not-an-email", "Hello");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConvexAutoConfiguration.class));

	@BeforeEach
	void answerEveryAction() {
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}")));
	}

	private ApplicationContextRunner withDeployment() {
		return this.contextRunner.withPropertyValues("convex.url=" + convex.baseUrl());
	}

	private static int requests() {
		return convex.findAll(postRequestedFor(urlEqualTo("/api/action"))).size();
	}

	@Test
	void validatesWithTheApplicationsValidator() {
		withDeployment().withUserConfiguration(ApplicationValidatorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ArgumentValidator.class);
			ConvexActionHandle<SendEmail, Receipt> send = context.getBean(ConvexActionClient.class).action(SEND);
			assertThatExceptionOfType(ConvexValidationException.class).isThrownBy(() -> send.executeBlocking(INVALID))
				.satisfies((ex) -> assertThat(ex.violations())
					.containsExactly(new Violation("to", "application says: bad address")));
		});
		assertThat(requests()).isZero();
	}

	@Test
	void validatesWithTheDefaultProviderWithoutAnApplicationValidator() {
		withDeployment().run((context) -> {
			assertThat(context).hasSingleBean(ArgumentValidator.class);
			ConvexActionHandle<SendEmail, Receipt> send = context.getBean(ConvexActionClient.class).action(SEND);
			assertThatExceptionOfType(ConvexValidationException.class).isThrownBy(() -> send.executeBlocking(INVALID));
		});
		assertThat(requests()).isZero();
	}

	@Test
	void sendsArgumentsUncheckedWithoutBeanValidationOnTheClassPath() {
		withDeployment().withClassLoader(new FilteredClassLoader("jakarta.validation")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ArgumentValidator.class);
			ConvexActionHandle<SendEmail, Receipt> send = context.getBean(ConvexActionClient.class).action(SEND);
			assertThat(send.executeBlocking(INVALID)).isEqualTo(new Receipt("r1"));
			assertThat(send.status()).isEqualTo(ActionStatus.SUCCESS);
		});
		assertThat(requests()).isOne();
	}

	@Test
	void backsOffForTheApplicationsArgumentValidator() {
		withDeployment().withUserConfiguration(AcceptEverythingConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ArgumentValidator.class);
			assertThat(context.getBean(ConvexActionClient.class).action(SEND).executeBlocking(INVALID))
				.isEqualTo(new Receipt("r1"));
		});
		assertThat(requests()).isOne();
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationValidatorConfiguration {

		@Bean
		Validator applicationValidator() {
			return jakarta.validation.Validation.byProvider(HibernateValidator.class)
				.configure()
				.messageInterpolator(new ParameterMessageInterpolator() {

					@Override
					public String interpolate(String message, Context context, Locale locale) {
						return "application says: bad address";
					}

					@Override
					public String interpolate(String message, Context context) {
						return "application says: bad address";
					}

				})
				.buildValidatorFactory()
				.getValidator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AcceptEverythingConfiguration {

		@Bean
		ArgumentValidator acceptEverything() {
			return ArgumentValidator.none();
		}

	}

}
